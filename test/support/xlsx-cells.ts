// Cell helpers for building test workbooks with write-excel-file.

/** A date cell shown as a month (or with another Excel number format). */
export const monthCell = (y: number, m: number, d = 1, format = 'yyyy"年"m"月"') => ({ value: new Date(Date.UTC(y, m - 1, d)), type: Date, format });

/** A title row spanning the 7 columns of the test sheets. */
export const title = (text: string) => [{ value: text, columnSpan: 7 }, null, null, null, null, null, null];
