// The rows of a data file written with columnar() (src/site.ts): columns of values, text columns as indexes.

/** Row objects from {length, columns, values}. */
export function rowsOf({length, columns, values}) {
  const keys = Object.keys(columns);
  const rows = new Array(length);
  for (let i = 0; i < length; i++) {
    const row = {};
    for (const k of keys) row[k] = values[k] ? values[k][columns[k][i]] : columns[k][i];
    rows[i] = row;
  }
  return rows;
}
