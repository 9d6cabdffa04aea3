// Draws public/og-image.png, the site's link preview (1200 × 630), from the SVG below:
// `node scripts/og-image.mjs`. Text in English and the six languages' names only (docs/site-meta.md).
import sharp from "sharp";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#083b68"/>
  <rect x="0" y="560" width="1200" height="70" fill="#0b4f8a"/>
  <rect x="80" y="150" width="16" height="250" fill="#eef5fc"/>
  <text x="130" y="265" font-family="DejaVu Sans, Arial, sans-serif" font-size="110" font-weight="700" fill="#ffffff">Hustings</text>
  <text x="132" y="345" font-family="DejaVu Sans, Arial, sans-serif" font-size="42" fill="#eef5fc">Candidates' hearings and campaign information</text>
  <text x="132" y="395" font-family="DejaVu Sans, Arial, sans-serif" font-size="42" fill="#eef5fc">for the elections of the Union's officials</text>
  <text x="80" y="606" font-family="DejaVu Sans, Arial, sans-serif" font-size="28" fill="#ffffff">Arabic · Chinese · English · French · Russian · Spanish</text>
</svg>`;

await sharp(Buffer.from(svg))
  .png({ compressionLevel: 9, palette: true })
  .toFile(new URL("../public/og-image.png", import.meta.url).pathname);
