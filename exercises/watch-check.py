#!/usr/bin/env python3
"""exercises/watch-check.py - `make watch` on a terminal, as a learner uses it.

Run by exercises/runner-check.sh with EX_WORK_DIR and EX_WORK_BUILD set to
scratch folders.  On a pseudo-terminal: the watch waits on a failing file,
notices the learner's save, says the exercise passes, moves on after Enter
to the next exercise, and quits cleanly on Ctrl-C.  Prints one line per
check; exits 1 if any failed.
"""
import os, pty, select, shutil, signal, sys, time

work = os.environ["EX_WORK_DIR"]
fails = 0


def check(what, ok, seen):
    global fails
    print("  %s %s" % ("ok  " if ok else "FAIL", what))
    if not ok:
        fails += 1
        print("       saw: %r" % seen[-400:])


def read_until(fd, text, timeout):
    buf, end = b"", time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if not r:
            continue
        try:
            d = os.read(fd, 4096)
        except OSError:
            break
        if not d:
            break
        buf += d
        if text.encode() in buf:
            return buf.decode(errors="replace"), True
    return buf.decode(errors="replace"), False


pid, fd = pty.fork()
if pid == 0:
    # A shell leads the session, as on a real terminal: were make the
    # leader, its exit on Ctrl-C would hang up the terminal (SIGHUP) under
    # the runner before it could say goodbye.
    # Ctrl-C as on a terminal: a run in the background (CI, `make check &`)
    # starts with SIGINT ignored, and an ignored signal cannot be trapped.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execvp("bash", ["bash", "-c", "make -s --no-print-directory watch"])
out, ok = read_until(fd, "waiting for you to save", 60)
check("make watch shows the current exercise and waits for a save", ok and "exercise 1 of 23" in out, out)
shutil.copy("exercises/solutions/01_perceptron.c", os.path.join(work, "01_perceptron.c"))
out, ok = read_until(fd, "Press Enter", 60)
check("a save that fixes it: 'passes', and it waits for Enter", ok and "all tests pass" in out, out)
os.write(fd, b"\n")
out, ok = read_until(fd, "exercise 2", 60)
check("after Enter it moves on to exercise 2", ok, out)
time.sleep(0.5)
os.write(fd, b"\x03")
out, ok = read_until(fd, "watch: stopped.", 10)
check("Ctrl-C quits with 'watch: stopped.' and no make error", ok and "***" not in out, out)
rest, _ = read_until(fd, "\0never\0", 3)
for _ in range(50):                 # never wait for a watch that did not stop
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    time.sleep(0.1)
else:
    os.killpg(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    rest += "\n(still running 5 s after Ctrl-C: killed)"
check("... and nothing after it", done and "***" not in rest and not os.WIFSTOPPED(status), rest)
sys.exit(1 if fails else 0)
