// network-svg.js - draws book/figures/network.svg, the [6, 4, 3, 1] network
// of section 1.3 (the same sizes as bin/1.3-architecture).  Run by hand:
//   node book/figures/network-svg.js > book/figures/network.svg
//   node book/figures/network-svg.js zh > book/figures/network-zh.svg
const zh = process.argv[2] === 'zh';
const sizes = [6, 4, 3, 1];
const names = zh ? ['输入层', '隐藏层 1', '隐藏层 2', '输出层']
                 : ['input layer', 'hidden layer 1', 'hidden layer 2', 'output layer'];
const unit = (n) => zh ? `${n} 个神经元` : `${n} neuron${n > 1 ? 's' : ''}`;
const W = 640, H = 360, top = 40, gap = 48, x0 = 90, dx = 150, r = 14;
const pos = sizes.map((n, l) => Array.from({ length: n }, (_, j) =>
  [x0 + l * dx, top + (H - 80 - (n - 1) * gap) / 2 + j * gap]));
const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="14">`,
  `<rect width="${W}" height="${H}" fill="white"/>`];
for (let l = 0; l + 1 < sizes.length; l++)
  for (const [x1, y1] of pos[l]) for (const [x2, y2] of pos[l + 1])
    out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#8aa0b4" stroke-width="1"/>`);
const fill = ['#dbe9f6', '#fde7c8', '#fde7c8', '#d8f0d2'];
pos.forEach((layer, l) => {
  for (const [x, y] of layer) out.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${fill[l]}" stroke="#1d232a" stroke-width="1.5"/>`);
  out.push(`<text x="${layer[0][0]}" y="${H - 22}" text-anchor="middle">${names[l]}</text>`);
  out.push(`<text x="${layer[0][0]}" y="${H - 6}" text-anchor="middle" fill="#5b6570">${unit(sizes[l])}</text>`);
});
out.push('</svg>');
console.log(out.join('\n'));
