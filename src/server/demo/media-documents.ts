// The demo's PDFs and voice notes, written as bytes in code: a one-page PDF with the base-14
// Helvetica (no embedded fonts, so a few hundred bytes of structure), and 16-bit PCM WAV files
// whose "speech" is a gliding tone shaped into syllables.

// ---- PDF -------------------------------------------------------------------------------------

type PdfOp =
  | { text: string; x: number; y: number; size?: number; bold?: boolean; color?: 'gray' | 'white' }
  | { rule: [number, number, number] } // x1, y, x2
  | { box: [number, number, number, number]; fill: [number, number, number] }; // x, y, w, h; rgb 0..1

// WinAnsiEncoding: Latin-1 covers the umlauts; a few typographic signs sit in 0x80-0x9f there.
const winAnsi: Record<string, number> = { '€': 0x80, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
const pdfString = (s: string): string =>
  '(' +
  [...s]
    .map((c) => {
      if (c === '\\' || c === '(' || c === ')') return `\\${c}`;
      const code = winAnsi[c] ?? c.charCodeAt(0);
      if (code > 0xff) return '?';
      return code >= 0x80 ? `\\${code.toString(8)}` : c;
    })
    .join('') +
  ')';

function pdfPage(ops: PdfOp[]): string {
  return ops
    .map((op) => {
      if ('text' in op) {
        const color = op.color === 'gray' ? '0.45 g' : op.color === 'white' ? '1 g' : '0.1 g';
        return `BT ${color} /${op.bold ? 'F2' : 'F1'} ${op.size ?? 10} Tf ${op.x} ${op.y} Td ${pdfString(op.text)} Tj ET`;
      }
      if ('rule' in op) return `0.75 G 0.8 w ${op.rule[0]} ${op.rule[1]} m ${op.rule[2]} ${op.rule[1]} l S`;
      return `${op.fill.join(' ')} rg ${op.box.join(' ')} re f`;
    })
    .join('\n');
}

/** A valid single-page A4 PDF: the xref table holds the exact byte offset of every object. */
export function pdfDocument(title: string, ops: PdfOp[]): Buffer {
  const content = pdfPage(ops);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Deckhand demo) >>`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface Letter {
  sender: string[];
  recipient: string[];
  heading: string;
  meta: [string, string][];
  table?: { head: string[]; rows: string[][]; total: [string, string][] };
  paragraphs: string[];
}

// A German business letter layout (DIN 5008-ish): sender line, address window, heading, body.
function letter(l: Letter): PdfOp[] {
  const ops: PdfOp[] = [{ box: [0, 800, 595, 42], fill: [0.12, 0.23, 0.37] }];
  ops.push({ text: l.sender[0]!, x: 57, y: 815, size: 14, bold: true, color: 'white' });
  ops.push({ text: l.sender.join(' · '), x: 57, y: 740, size: 7, color: 'gray' });
  l.recipient.forEach((line, i) => ops.push({ text: line, x: 57, y: 722 - i * 13, size: 10 }));
  l.meta.forEach(([k, v], i) => {
    ops.push({ text: k, x: 380, y: 722 - i * 13, size: 9, color: 'gray' });
    ops.push({ text: v, x: 470, y: 722 - i * 13, size: 9 });
  });
  ops.push({ text: l.heading, x: 57, y: 620, size: 15, bold: true });
  let y = 590;
  if (l.table) {
    const cols = [57, 330, 400, 480];
    l.table.head.forEach((h, i) => ops.push({ text: h, x: cols[i]!, y, size: 9, bold: true }));
    ops.push({ rule: [57, y - 6, 538] });
    y -= 22;
    for (const row of l.table.rows) {
      row.forEach((cell, i) => ops.push({ text: cell, x: cols[i]!, y, size: 10 }));
      y -= 18;
    }
    ops.push({ rule: [57, y + 8, 538] });
    y -= 8;
    for (const [k, v] of l.table.total) {
      ops.push({ text: k, x: 330, y, size: 10, bold: k.startsWith('Gesamt') || k.startsWith('Total') });
      ops.push({ text: v, x: 480, y, size: 10, bold: k.startsWith('Gesamt') || k.startsWith('Total') });
      y -= 16;
    }
    y -= 20;
  }
  for (const p of l.paragraphs) {
    ops.push({ text: p, x: 57, y, size: 10 });
    y -= 16;
  }
  ops.push({ rule: [57, 70, 538] });
  ops.push({ text: `${l.sender[0]} · Demo-Dokument, erzeugt von Deckhand`, x: 57, y: 56, size: 7, color: 'gray' });
  return ops;
}

// Dates relative to the server's start, so the documents match the conversations' "last week".
const daysAgo = (days: number): string => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
};

const shop = ['Nordlicht Outfitters GmbH', 'Speicherstadt 12', '20457 Hamburg'];
const service = ['Stadtnetz Service GmbH', 'Kundenservice', 'Königstraße 40', '70173 Stuttgart'];
const electronics = ['Funkhaus Elektronik GmbH', 'Petersstraße 28', '04109 Leipzig'];

export const demoDocuments = {
  'invoice-48213.pdf': pdfDocument(
    'Rechnung RE-48213',
    letter({
      sender: shop,
      recipient: ['Frau Sophie Müller', 'Lindenallee 7', '50968 Köln'],
      heading: 'Rechnung RE-48213',
      meta: [['Bestellung', '#48213'], ['Kundennr.', 'K-20931'], ['Datum', daysAgo(6)]],
      table: {
        head: ['Artikel', 'Menge', 'Einzelpreis', 'Summe'],
        rows: [
          ['Trail Runner, Gr. 42, rot', '1', '89,95 €', '89,95 €'],
          ['Funktionssocken 3er-Pack', '1', '12,99 €', '12,99 €'],
          ['Imprägnierspray 250 ml', '1', '7,49 €', '7,49 €'],
        ],
        total: [['Versand', '0,00 €'], ['enthaltene MwSt. 19 %', '17,63 €'], ['Gesamtbetrag', '110,43 €']],
      },
      paragraphs: ['Vielen Dank für Ihren Einkauf!', 'Der Betrag wurde per PayPal beglichen.'],
    }),
  ),
  'return-label.pdf': pdfDocument(
    'Retourenschein #48213',
    letter({
      sender: shop,
      recipient: ['Nordlicht Outfitters Retourenzentrum', 'Am Lagerplatz 3', '04509 Wiedemar'],
      heading: 'Retourenschein / Return label',
      meta: [['Bestellung', '#48213'], ['Retoure', 'R-77102'], ['Gültig bis', '30 Tage']],
      paragraphs: [
        'Bitte drucken Sie diesen Schein aus und kleben Sie ihn gut sichtbar auf das Paket.',
        'Please print this label and attach it to the outside of the parcel.',
        'Abgabe in jeder Filiale oder Packstation. Die Rücksendung ist für Sie kostenlos.',
      ],
    }),
  ),
  'service-invoice-2291.pdf': pdfDocument(
    'Rechnung 2291-10',
    letter({
      sender: service,
      recipient: ['Herrn Florian Gruber', 'Mozartgasse 14', '70180 Stuttgart'],
      heading: 'Ihre Rechnung 2291-10',
      meta: [['Vertrag', 'SN-2291'], ['Rechnungsnr.', '2291-10'], ['Datum', daysAgo(9)]],
      table: {
        head: ['Leistung', 'Zeitraum', '', 'Betrag'],
        rows: [
          ['Glasfaser 250', 'monatlich', '', '39,99 €'],
          ['WLAN-Router Miete', 'monatlich', '', '4,99 €'],
          ['Technikereinsatz (einmalig)', 'einmalig', '', '69,00 €'],
        ],
        total: [['enthaltene MwSt. 19 %', '17,88 €'], ['Gesamtbetrag', '113,98 €']],
      },
      paragraphs: ['Der Betrag wird in 14 Tagen per SEPA-Lastschrift eingezogen.'],
    }),
  ),
  'appointment-confirmation.pdf': pdfDocument(
    'Terminbestätigung',
    letter({
      sender: service,
      recipient: ['Frau Katharina Huber', 'Schillerstraße 22', '70173 Stuttgart'],
      heading: 'Terminbestätigung Technikerbesuch',
      meta: [['Auftrag', 'T-55810'], ['Termin', daysAgo(-3)], ['Zeitfenster', '08–12 Uhr']],
      paragraphs: [
        'Unser Techniker kommt zum vereinbarten Termin zu Ihnen.',
        'Bitte sorgen Sie dafür, dass der Hausanschlussraum zugänglich ist.',
        'Termin verschieben: bis 24 Stunden vorher im Kundenportal oder im Chat.',
      ],
    }),
  ),
  // The Botpress demo bot's shop (src/server/botpress).
  'funkhaus-invoice-7731.pdf': pdfDocument(
    'Rechnung RE-7731',
    letter({
      sender: electronics,
      recipient: ['Herrn Tim Becker', 'Karl-Liebknecht-Straße 51', '04275 Leipzig'],
      heading: 'Rechnung RE-7731',
      meta: [['Bestellung', '#7731'], ['Kundennr.', 'FH-10447'], ['Datum', daysAgo(4)]],
      table: {
        head: ['Artikel', 'Menge', 'Einzelpreis', 'Summe'],
        rows: [
          ['Studio ANC Kopfhörer, schwarz', '1', '249,00 €', '249,00 €'],
          ['USB-C-Ladekabel 2 m', '1', '14,99 €', '14,99 €'],
        ],
        total: [['Versand', '0,00 €'], ['enthaltene MwSt. 19 %', '42,15 €'], ['Gesamtbetrag', '263,99 €']],
      },
      paragraphs: ['Vielen Dank für Ihren Einkauf!', 'Garantie: 24 Monate ab Rechnungsdatum.'],
    }),
  ),
  'funkhaus-repair-order.pdf': pdfDocument(
    'Reparaturauftrag R-3318',
    letter({
      sender: electronics,
      recipient: ['Funkhaus Reparaturservice', 'Gerberstraße 4', '04105 Leipzig'],
      heading: 'Reparaturauftrag / Repair order R-3318',
      meta: [['Auftrag', 'R-3318'], ['Eingang', daysAgo(2)], ['Garantie', 'ja / yes']],
      paragraphs: [
        'Bitte legen Sie diesen Auftrag dem Gerät bei und senden Sie es versichert an uns.',
        'Please put this order in the parcel with the device.',
        'Bearbeitungszeit: 5–7 Werktage. Der Versand ist für Sie kostenlos.',
      ],
    }),
  ),
} as const;

// ---- WAV -------------------------------------------------------------------------------------

/** Mono 16-bit PCM at 8 kHz: syllables of a voice-like tone (fundamental plus two harmonics). */
export function voiceNote(syllables: { ms: number; hz: number; pause: number }[]): Buffer {
  const rate = 8000;
  const samples: number[] = [];
  for (const s of syllables) {
    const n = Math.round((s.ms / 1000) * rate);
    let phase = 0;
    for (let i = 0; i < n; i++) {
      const progress = i / n;
      const hz = s.hz * (1 + 0.12 * Math.sin(progress * Math.PI)); // pitch rises and falls
      phase += (2 * Math.PI * hz) / rate;
      const envelope = Math.sin(progress * Math.PI) ** 0.6;
      const v = Math.sin(phase) * 0.6 + Math.sin(2 * phase) * 0.25 + Math.sin(3 * phase) * 0.1;
      samples.push(Math.round(v * envelope * 0.5 * 32767));
    }
    for (let i = 0; i < (s.pause / 1000) * rate; i++) samples.push(0);
  }
  const data = samples.length * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16); // fmt chunk size
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28); // byte rate
  b.writeUInt16LE(2, 32); // block align
  b.writeUInt16LE(16, 34); // bits per sample
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  samples.forEach((v, i) => b.writeInt16LE(v, 44 + i * 2));
  return b;
}

export const demoAudio = {
  'voice-note.wav': voiceNote([
    { ms: 180, hz: 210, pause: 40 },
    { ms: 240, hz: 190, pause: 60 },
    { ms: 160, hz: 230, pause: 180 },
    { ms: 220, hz: 200, pause: 50 },
    { ms: 300, hz: 180, pause: 0 },
  ]),
  'voice-note-2.wav': voiceNote([
    { ms: 140, hz: 130, pause: 50 },
    { ms: 260, hz: 120, pause: 120 },
    { ms: 200, hz: 140, pause: 40 },
    { ms: 280, hz: 115, pause: 0 },
  ]),
} as const;
