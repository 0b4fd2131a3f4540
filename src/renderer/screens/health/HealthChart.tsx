// One of the bot's daily numbers as a chart (recharts, drawn in SVG with the theme's colours),
// with a sentence that sums it up for screen readers and the same numbers as a table beneath,
// for anyone who would rather read them than look.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BotAnalyticsDay } from '../../../shared/bot-health';
import { dayLabel, shortDay, totals, type ChartSpec } from './health-model';

const color = (index: number) => `var(--chart-${index + 1})`;
const axis = { fill: 'var(--text-muted)', fontSize: 11 };
const tooltip = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' };

export function HealthChart({ spec, days }: { spec: ChartSpec; days: BotAnalyticsDay[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = useId();
  const title = t(`health.charts.${spec.id}`);
  const name = (key: string) => t(`health.series.${key as ChartSpec['series'][number]}`);
  const sums = totals(days, spec.series);
  const totalsText = spec.series.map((key) => `${name(key)} ${sums[key].toLocaleString(language)}`).join(', ');
  const summary = days.length > 0 ? t('health.chartSummary', { title, from: dayLabel(days[0]!.day, language), to: dayLabel(days.at(-1)!.day, language), totals: totalsText }) : title;
  const common = { data: days, margin: { top: 8, right: 8, bottom: 0, left: -16 }, accessibilityLayer: false };
  const xAxis = <XAxis dataKey="day" tick={axis} tickFormatter={(day: string) => shortDay(day, language)} minTickGap={12} />;
  const yAxis = <YAxis tick={axis} allowDecimals={false} width={48} />;
  const tip = <Tooltip contentStyle={tooltip} labelFormatter={(day) => dayLabel(String(day), language)} />;

  return (
    <figure className="health-chart" aria-labelledby={titleId}>
      <figcaption className="health-chart-head">
        <h2 id={titleId}>{title}</h2>
        <span className="health-chart-total">{totalsText}</span>
      </figcaption>
      <div className="health-chart-plot" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={220}>
          {spec.kind === 'line' ? (
            <LineChart {...common}>
              <CartesianGrid stroke="var(--border)" vertical={false} />
              {xAxis}
              {yAxis}
              {tip}
              <Legend />
              {spec.series.map((key, i) => (
                <Line key={key} type="monotone" dataKey={key} name={name(key)} stroke={color(i)} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          ) : (
            <BarChart {...common}>
              <CartesianGrid stroke="var(--border)" vertical={false} />
              {xAxis}
              {yAxis}
              {tip}
              {spec.series.length > 1 && <Legend />}
              {spec.series.map((key, i) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={name(key)}
                  fill={color(i)}
                  radius={spec.kind === 'stacked' && i < spec.series.length - 1 ? 0 : [3, 3, 0, 0]}
                  {...(spec.kind === 'stacked' && { stackId: 'all' })}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <details className="health-table">
        <summary>{t('health.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.day')}</th>
              {spec.series.map((key) => (
                <th key={key} scope="col">
                  {name(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{dayLabel(day.day, language)}</th>
                {spec.series.map((key) => (
                  <td key={key}>{day[key].toLocaleString(language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
