import { Box, Text } from "@shopify/polaris";

/** A chart's figures as rows: what a screen reader reads in place of the drawing. */
export interface ChartData {
  headings: string[];
  rows: Array<Array<string | number>>;
}

const cell = { padding: "var(--p-space-100) var(--p-space-200)", borderBottom: "var(--p-border-width-025) solid var(--p-color-border-secondary)" };

/** A table of a chart's figures: visually hidden (read by screen readers) unless `visible`. */
export function ChartTable({ id, caption, data, visible = false }: { id?: string; caption: string; data: ChartData; visible?: boolean }) {
  const style = visible ? { ...cell, textAlign: "start" as const } : undefined;
  return (
    <Box id={id} visuallyHidden={!visible} paddingBlockStart={visible ? "300" : undefined} overflowX={visible ? "scroll" : undefined}>
      <table style={visible ? { borderCollapse: "collapse", width: "100%", fontSize: "var(--p-font-size-325)" } : undefined}>
        <caption>
          {visible ? (
            <Text as="span" visuallyHidden>
              {caption}
            </Text>
          ) : (
            caption
          )}
        </caption>
        <thead>
          <tr>
            {data.headings.map((heading) => (
              <th key={heading} scope="col" style={style}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((value, index) =>
                index === 0 ? (
                  <th key={index} scope="row" style={style}>
                    {value}
                  </th>
                ) : (
                  <td key={index} style={style}>
                    {value}
                  </td>
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
