/**
 * Text on its way into an exported cell, beyond the S4 rule itself (spreadsheet-text.ts): what
 * must happen first so the rule sees the text the reader will see, and what xlsx needs after.
 *
 * - Control characters XML cannot hold are dropped (exceljs drops them silently on write, so
 *   "\u0001=HYPERLINK(…)" would reach Excel as "=HYPERLINK(…)" after the check had passed it);
 *   lone surrogates become U+FFFD. Both formats drop them, so csv and xlsx say the same.
 * - In xlsx, "_x003D_" in a string means "=" to Excel and to exceljs (ECMA-376 ST_Xstring), so a
 *   literal "_xHHHH_" is written with its underscore escaped, and a carriage return is written as
 *   _x000D_ because XML would otherwise read it back as a line feed.
 */
import { neutralizeText } from './spreadsheet-text';

const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text a spreadsheet cell can hold, neutralised (S4). */
export function exportText(text: string): string {
  return neutralizeText(text.replace(notXml, '').replace(loneSurrogate, '\ufffd'));
}

/** exportText, then escaped for an xlsx string so it reads back exactly. */
export function xlsxText(text: string): string {
  return exportText(text)
    // A lookahead, not a match of the whole escape: in "_x005F_x003D_" both underscores need it.
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/\r/g, '_x000D_');
}
