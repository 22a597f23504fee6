# Shared look of every figure (loaded by each plots/*.gp).
# Data files are tab-separated with a header line naming the columns.
set datafile separator "\t"
set termoption noenhanced
set border lw 1.2 lc rgb "#444444"
set grid lc rgb "#dddddd" lw 1
set key box lc rgb "#bbbbbb" opaque
set tics nomirror
# A palette that stays readable for colour-blind readers (Okabe-Ito).
set linetype 1 lc rgb "#0072B2" lw 2.5 pt 7 ps 0.8
set linetype 2 lc rgb "#D55E00" lw 2.5 pt 5 ps 0.8
set linetype 3 lc rgb "#009E73" lw 2.5 pt 9 ps 0.8
set linetype 4 lc rgb "#CC79A7" lw 2.5 pt 11 ps 0.8
set linetype 5 lc rgb "#E69F00" lw 2.5 pt 13 ps 0.8
set linetype 6 lc rgb "#56B4E9" lw 2.5 pt 3 ps 0.8
set linetype 7 lc rgb "#000000" lw 2.5 pt 1 ps 0.8
if (!exists("results")) results = "results"
# The language of every text in a figure: lang is "en" or "zh" (make plots
# draws both).  Write each title, label and legend once per language:
#   set xlabel tr("epoch", "轮")
set encoding utf8
if (!exists("lang")) lang = "en"
if (lang ne "en" && lang ne "zh") print "plots: lang must be en or zh, not ".lang; exit status 2
tr(en, zh) = (lang eq "zh") ? zh : en
set title font ",15"
