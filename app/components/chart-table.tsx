import { Box } from "@shopify/polaris";

/** A chart's figures as rows: what a screen reader reads in place of the drawing. */
export interface ChartData {
  headings: string[];
  rows: Array<Array<string | number>>;
}

/** A visually hidden table of a chart's figures. */
export function ChartTable({ caption, data }: { caption: string; data: ChartData }) {
  return (
    <Box visuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {data.headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

interface Series {
  name?: string;
  data: Array<{ key: string | number; value?: number | null }>;
}

/** One row per key (a week, a country), one column per series, values written by `formatValue`. */
export function seriesTable(keyHeading: string, series: Series[], formatValue: (value: number | null) => string): ChartData {
  const keys = [...new Set(series.flatMap((one) => one.data.map((point) => String(point.key))))];
  return {
    headings: [keyHeading, ...series.map((one) => one.name ?? "")],
    rows: keys.map((key) => [key, ...series.map((one) => formatValue(one.data.find((point) => String(point.key) === key)?.value ?? null))]),
  };
}
