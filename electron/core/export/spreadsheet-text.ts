/**
 * Text written into a spreadsheet we export (S4). A cell whose text starts with = + - @, a tab or
 * a carriage return can turn into a formula the moment someone edits it in Excel or saves the
 * sheet as CSV and opens it again, so such text is written with a leading apostrophe: the
 * convention spreadsheet users and OWASP's CSV-injection guidance both know as "this is text".
 * exceljs cannot set Excel's hidden quote-prefix style, so the apostrophe is part of the value;
 * it is visible, which is acceptable for the odd name that needs it.
 */
const dangerousStart = /^[=+\-@\t\r]/;

export function neutralizeText(text: string): string {
  return dangerousStart.test(text) ? `'${text}` : text;
}

export function needsNeutralizing(text: string): boolean {
  return dangerousStart.test(text);
}
