/** @jsxRuntime automatic */
/**
 * Readies the PDF renderer before the first board pack is asked for: loads react-pdf and its
 * layout engine (the yoga WebAssembly module), registers Inter and parses every face the pack
 * uses, and lays out one small page so the layout and shaping code is compiled. In a fresh
 * process this is a third or more of the first pack's time. Serve mode and the app call it in the
 * background once they are up; import it lazily (it loads react-pdf).
 */
import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer';
import { registerFonts } from './pdf/kit';

const faces = [
  { fontWeight: 400, fontStyle: 'normal' },
  { fontWeight: 400, fontStyle: 'italic' },
  { fontWeight: 500, fontStyle: 'normal' },
  { fontWeight: 600, fontStyle: 'normal' },
  { fontWeight: 700, fontStyle: 'normal' },
] as const;

let warming: Promise<void> | null = null;

/** Warms the renderer once per process; never fails (a real render would report the problem). */
export function prewarmReportRenderer(): Promise<void> {
  warming ??= (async () => {
    registerFonts();
    await renderToBuffer(
      <Document>
        <Page size="A4" style={{ fontFamily: 'Inter', fontSize: 9, padding: 40 }}>
          {faces.map((face) => (
            <Text key={`${face.fontWeight}-${face.fontStyle}`} style={face}>
              Board report · Q3 FY2026 — 1,234,567.89 (12.3%) Fav Unfav
            </Text>
          ))}
        </Page>
      </Document>,
    );
  })().catch(() => undefined);
  return warming;
}
