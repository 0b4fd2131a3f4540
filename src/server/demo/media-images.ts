// The demo's pictures, drawn as SVG so they weigh a few hundred bytes, scale to any size and need
// nothing from outside. Product shots for the shop's cards and carousels, and the photos and
// screenshots customers send to support. No scripts, no external references.

const frame = (body: string, background: [string, string], w = 480, h = 360): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">` +
  `<stop offset="0" stop-color="${background[0]}"/><stop offset="1" stop-color="${background[1]}"/>` +
  `</linearGradient></defs><rect width="${w}" height="${h}" fill="url(#bg)"/>${body}</svg>`;

const shadow = (cx: number, cy: number, rx: number) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${Math.round(rx / 9)}" fill="#000" opacity="0.12"/>`;

const sneaker = frame(
  shadow(240, 268, 170) +
    // sole
    `<path d="M70 236 Q70 262 100 264 L392 264 Q420 262 418 240 L414 226 L74 226 Z" fill="#f4f4f4" stroke="#c9c9c9" stroke-width="2"/>` +
    `<path d="M74 250 L416 250" stroke="#d94f3d" stroke-width="5"/>` +
    // upper
    `<path d="M76 228 Q66 196 92 178 Q130 160 168 150 L206 104 Q222 88 246 94 L286 110 Q300 150 336 168 Q392 184 410 206 Q418 220 414 228 Z" fill="#d94f3d"/>` +
    `<path d="M246 94 L286 110 Q292 132 306 148 L262 150 Q250 124 246 94 Z" fill="#b83a2a"/>` +
    // toe cap and heel tab
    `<path d="M336 168 Q392 184 410 206 Q418 220 414 228 L352 228 Q344 196 336 168 Z" fill="#f4f4f4" opacity="0.9"/>` +
    `<path d="M82 184 Q70 200 76 228 L104 228 Q98 200 112 178 Z" fill="#2d2d2d"/>` +
    // swoosh-like stripe and laces
    `<path d="M120 214 Q220 222 330 178 Q250 236 128 228 Z" fill="#fff"/>` +
    `<g stroke="#fff" stroke-width="5" stroke-linecap="round"><path d="M226 118 L250 124"/><path d="M236 132 L262 138"/><path d="M246 146 L274 150"/><path d="M256 160 L288 162"/></g>` +
    `<g fill="#fff"><circle cx="222" cy="116" r="3"/><circle cx="232" cy="130" r="3"/><circle cx="242" cy="144" r="3"/><circle cx="252" cy="158" r="3"/></g>`,
  ['#fdf6ee', '#f1e4d3'],
);

const rainJacket = frame(
  shadow(240, 322, 120) +
    `<path d="M180 70 Q240 50 300 70 L352 96 Q384 112 392 150 L412 292 L366 300 L354 180 L352 310 L128 310 L126 180 L114 300 L68 292 L88 150 Q96 112 128 96 Z" fill="#f2b705"/>` +
    `<path d="M196 66 Q240 40 284 66 Q276 102 240 110 Q204 102 196 66 Z" fill="#d89e00"/>` +
    `<path d="M240 110 L240 310" stroke="#8a6500" stroke-width="4"/>` +
    `<g fill="#8a6500"><circle cx="226" cy="150" r="4"/><circle cx="226" cy="200" r="4"/><circle cx="226" cy="250" r="4"/></g>` +
    `<path d="M150 230 L206 230 L206 262 L150 262 Z M274 230 L330 230 L330 262 L274 262 Z" fill="none" stroke="#c48f00" stroke-width="4"/>` +
    `<path d="M354 180 L352 150 M126 180 L128 150" stroke="#c48f00" stroke-width="3"/>`,
  ['#e8f1f5', '#cfdfe8'],
);

const backpack = frame(
  shadow(240, 326, 110) +
    `<path d="M196 70 Q196 40 240 40 Q284 40 284 70" fill="none" stroke="#234e52" stroke-width="12"/>` +
    `<rect x="140" y="66" width="200" height="252" rx="46" fill="#2c7a7b"/>` +
    `<path d="M140 140 Q240 112 340 140" fill="none" stroke="#234e52" stroke-width="6"/>` +
    `<rect x="170" y="190" width="140" height="100" rx="22" fill="#285e61"/>` +
    `<path d="M170 214 L310 214" stroke="#f6ad55" stroke-width="5"/>` +
    `<rect x="228" y="204" width="24" height="20" rx="4" fill="#f6ad55"/>` +
    `<path d="M140 150 L122 300 M340 150 L358 300" stroke="#234e52" stroke-width="10" stroke-linecap="round"/>`,
  ['#f7f3ea', '#e9e0cf'],
);

const headphones = frame(
  shadow(240, 310, 130) +
    `<path d="M130 220 Q120 80 240 74 Q360 80 350 220" fill="none" stroke="#2d3748" stroke-width="18" stroke-linecap="round"/>` +
    `<path d="M136 170 Q140 104 240 98 Q340 104 344 170" fill="none" stroke="#4a5568" stroke-width="6"/>` +
    `<rect x="96" y="196" width="76" height="104" rx="30" fill="#2d3748"/><rect x="112" y="210" width="44" height="76" rx="18" fill="#e53e3e"/>` +
    `<rect x="308" y="196" width="76" height="104" rx="30" fill="#2d3748"/><rect x="324" y="210" width="44" height="76" rx="18" fill="#e53e3e"/>`,
  ['#eef2f7', '#d9e1ec'],
);

const parcelDamaged = frame(
  `<rect width="480" height="360" fill="#8b7a66" opacity="0.35"/>` +
    `<path d="M0 300 L480 272 L480 360 L0 360 Z" fill="#6b5a48" opacity="0.5"/>` +
    `<g transform="rotate(-6 240 200)">` +
    `<path d="M110 130 L360 130 L380 290 L96 290 Z" fill="#c8935a"/>` +
    `<path d="M110 130 L360 130 L330 96 L140 96 Z" fill="#ddb07a"/>` +
    `<path d="M214 96 L250 96 L256 130 L212 130 Z M212 130 L256 130 L262 290 L208 290 Z" fill="#e9d8b4" opacity="0.85"/>` +
    // the dent and the tear
    `<path d="M300 150 Q322 190 296 226 Q336 206 356 222 L352 168 Z" fill="#9c6b3a"/>` +
    `<path d="M140 250 L170 236 L166 262 L196 252 L186 280" fill="none" stroke="#5a3a1a" stroke-width="4"/>` +
    `<rect x="126" y="160" width="70" height="44" fill="#fff"/><path d="M134 172 h50 M134 182 h40 M134 192 h46" stroke="#555" stroke-width="3"/>` +
    `</g>`,
  ['#a8957d', '#7d6c58'],
);

const receipt = frame(
  `<path d="M150 30 L330 30 L330 330 L318 322 L306 330 L294 322 L282 330 L270 322 L258 330 L246 322 L234 330 L222 322 L210 330 L198 322 L186 330 L174 322 L162 330 L150 322 Z" fill="#fffdf7" stroke="#ddd6c6"/>` +
    `<text x="240" y="62" font-family="monospace" font-size="13" font-weight="bold" text-anchor="middle" fill="#333">NORDLICHT OUTFITTERS</text>` +
    `<text x="240" y="80" font-family="monospace" font-size="10" text-anchor="middle" fill="#666">Filiale Hamburg · Kassenbon</text>` +
    `<g font-family="monospace" font-size="11" fill="#333">` +
    `<text x="166" y="112">Trail Runner 42</text><text x="314" y="112" text-anchor="end">89,95</text>` +
    `<text x="166" y="130">Socken 3er-Pack</text><text x="314" y="130" text-anchor="end">12,99</text>` +
    `<text x="166" y="148">Imprägnierspray</text><text x="314" y="148" text-anchor="end">7,49</text>` +
    `<text x="166" y="182" font-weight="bold">SUMME EUR</text><text x="314" y="182" text-anchor="end" font-weight="bold">110,43</text>` +
    `<text x="166" y="200" fill="#666">inkl. 19% MwSt.</text><text x="314" y="200" text-anchor="end" fill="#666">17,63</text>` +
    `<text x="166" y="226">EC-Karte</text><text x="314" y="226" text-anchor="end">110,43</text>` +
    `</g><path d="M166 164 H314 M166 210 H314" stroke="#999" stroke-dasharray="4 3"/>` +
    `<g fill="#333">${Array.from({ length: 28 }, (_, i) => `<rect x="${172 + i * 5}" y="254" width="${i % 3 === 0 ? 3 : 2}" height="40"/>`).join('')}</g>`,
  ['#d9d4ca', '#bfb8aa'],
);

const mapTile = frame(
  `<rect width="480" height="360" fill="#eef0e6"/>` +
    `<path d="M300 0 Q320 120 380 180 Q440 240 430 360 L480 360 L480 0 Z" fill="#a9d3f0"/>` +
    `<rect x="40" y="210" width="150" height="110" rx="10" fill="#c5e1b1"/>` +
    `<g stroke="#fff" stroke-linecap="round"><path d="M0 120 L480 100" stroke-width="16"/><path d="M150 0 L210 360" stroke-width="14"/>` +
    `<path d="M0 260 L300 190" stroke-width="10"/><path d="M260 0 L330 360" stroke-width="8"/></g>` +
    `<g stroke="#f6c84c" stroke-linecap="round"><path d="M0 120 L480 100" stroke-width="8"/></g>` +
    `<g fill="#d9d6cc">${[60, 250, 350]
      .flatMap((x) => [20, 140, 300].map((y) => `<rect x="${x - 40}" y="${y}" width="34" height="26" rx="3"/>`))
      .join('')}</g>` +
    `<path d="M196 170 Q196 130 226 130 Q256 130 256 170 Q256 196 226 230 Q196 196 196 170 Z" fill="#e53e3e"/>` +
    `<circle cx="226" cy="168" r="12" fill="#fff"/>`,
  ['#eef0e6', '#eef0e6'],
);

const loginError = frame(
  `<rect x="60" y="40" width="360" height="280" rx="14" fill="#fff" stroke="#cbd5e0"/>` +
    `<rect x="60" y="40" width="360" height="40" rx="14" fill="#2b6cb0"/><rect x="60" y="66" width="360" height="14" fill="#2b6cb0"/>` +
    `<text x="82" y="66" font-family="sans-serif" font-size="15" font-weight="bold" fill="#fff">Kundenportal · Anmeldung</text>` +
    `<g font-family="sans-serif" font-size="12" fill="#4a5568"><text x="90" y="112">E-Mail</text><text x="90" y="168">Passwort</text></g>` +
    `<rect x="90" y="120" width="300" height="28" rx="5" fill="#f7fafc" stroke="#cbd5e0"/>` +
    `<text x="100" y="139" font-family="sans-serif" font-size="12" fill="#2d3748">kunde@example.de</text>` +
    `<rect x="90" y="176" width="300" height="28" rx="5" fill="#fff5f5" stroke="#e53e3e" stroke-width="2"/>` +
    `<text x="100" y="196" font-family="sans-serif" font-size="14" fill="#2d3748">••••••••••</text>` +
    `<rect x="90" y="216" width="300" height="44" rx="6" fill="#fed7d7"/>` +
    `<text x="104" y="235" font-family="sans-serif" font-size="12" font-weight="bold" fill="#9b2c2c">Konto vorübergehend gesperrt</text>` +
    `<text x="104" y="251" font-family="sans-serif" font-size="11" fill="#9b2c2c">Zu viele Fehlversuche (Code E-4031).</text>` +
    `<rect x="90" y="272" width="120" height="30" rx="6" fill="#a0aec0"/>` +
    `<text x="150" y="292" font-family="sans-serif" font-size="13" fill="#fff" text-anchor="middle">Anmelden</text>`,
  ['#e2e8f0', '#cbd5e0'],
);

const router = frame(
  shadow(240, 262, 150) +
    `<path d="M150 170 L138 60 M330 170 L342 60" stroke="#1a202c" stroke-width="8" stroke-linecap="round"/>` +
    `<rect x="90" y="150" width="300" height="104" rx="18" fill="#f7fafc" stroke="#cbd5e0" stroke-width="2"/>` +
    `<rect x="90" y="226" width="300" height="28" rx="10" fill="#e2e8f0"/>` +
    `<g font-family="sans-serif" font-size="10" fill="#718096" text-anchor="middle"><text x="160" y="214">Power</text><text x="210" y="214">DSL</text><text x="260" y="214">Internet</text><text x="310" y="214">WLAN</text></g>` +
    `<circle cx="160" cy="192" r="7" fill="#48bb78"/><circle cx="210" cy="192" r="7" fill="#e53e3e"/>` +
    `<circle cx="210" cy="192" r="13" fill="#e53e3e" opacity="0.25"/><circle cx="260" cy="192" r="7" fill="#a0aec0"/><circle cx="310" cy="192" r="7" fill="#48bb78"/>`,
  ['#edf2f7', '#d5dde8'],
);

const sizeChart = frame(
  `<rect x="40" y="34" width="400" height="292" rx="12" fill="#fff" stroke="#e2e8f0"/>` +
    `<text x="240" y="68" font-family="sans-serif" font-size="17" font-weight="bold" text-anchor="middle" fill="#2d3748">Größentabelle Trail Runner</text>` +
    `<g font-family="sans-serif" font-size="13" fill="#2d3748" text-anchor="middle">` +
    ['EU', 'UK', 'US', 'cm']
      .map((h, col) => `<text x="${110 + col * 90}" y="104" font-weight="bold">${h}</text>`)
      .join('') +
    [
      ['40', '6.5', '7', '25,0'],
      ['41', '7', '8', '25,8'],
      ['42', '8', '8.5', '26,5'],
      ['43', '9', '9.5', '27,3'],
      ['44', '9.5', '10', '28,0'],
      ['45', '10.5', '11', '28,8'],
    ]
      .map((row, r) => row.map((cell, col) => `<text x="${110 + col * 90}" y="${138 + r * 30}">${cell}</text>`).join(''))
      .join('') +
    `</g><rect x="60" y="172" width="360" height="28" fill="#d94f3d" opacity="0.12"/>` +
    `<path d="M60 114 H420" stroke="#cbd5e0" stroke-width="2"/>`,
  ['#f7fafc', '#edf2f7'],
);

/** Every picture by its file name under /media/demo/. */
export const demoImages = {
  'sneaker.svg': sneaker,
  'rain-jacket.svg': rainJacket,
  'backpack.svg': backpack,
  'headphones.svg': headphones,
  'parcel-damaged.svg': parcelDamaged,
  'receipt.svg': receipt,
  'map-tile.svg': mapTile,
  'login-error.svg': loginError,
  'router.svg': router,
  'size-chart.svg': sizeChart,
} as const;
