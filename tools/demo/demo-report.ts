// The demo's figures, as a terminal summary and a self-contained HTML page (inline SVG charts,
// nothing fetched from elsewhere).
import type { AfterMatchFacts } from './after-match';
import type { Phase, ProgramFacts } from './demo-context';

export interface DemoReport {
  scale: number;
  seed: number;
  startedAt: string;
  totalSeconds: number;
  phases: Phase[];
  programs: ProgramFacts[];
  after: AfterMatchFacts;
  emails: { mailbox: number; sentByService: number };
}

export const percentile = (values: readonly number[], p: number): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

const seconds = (ms: number | undefined): string =>
  ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
const pct = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;

/** Counts per bucket label, in the given label order. */
export const histogram = (
  values: readonly number[],
  buckets: readonly { label: string; test: (v: number) => boolean }[],
) => buckets.map(({ label, test }) => ({ label, count: values.filter(test).length }));

export const rankBuckets = [1, 2, 3, 4, 5]
  .map((r) => ({ label: `#${r}`, test: (v: number) => v === r }))
  .concat([
    { label: '#6-10', test: (v: number) => v >= 6 && v <= 10 },
    { label: '#11+', test: (v: number) => v > 10 },
  ]);

const scoreBuckets = (values: readonly number[]) => {
  const max = Math.max(1, ...values);
  const width = max / 10;
  return Array.from({ length: 10 }, (_, i) => ({
    label: `${Math.round(i * width)}-${Math.round((i + 1) * width)}`,
    test: (v: number) => v >= i * width && (i === 9 ? v <= max : v < (i + 1) * width),
  }));
};

export const latencies = (after: AfterMatchFacts) => [
  { name: 'match activated → kickoff scheduled (scheduling)', values: after.activationToKickoff },
  {
    name: 'kickoff scheduled → invitation in mailbox (notifications)',
    values: after.kickoffToInvitation,
  },
  {
    name: 'second acceptance → invitation in mailbox (end to end)',
    values: after.acceptToInvitation,
  },
];

const matched = (facts: ProgramFacts): number => Number(facts.run.summary.matched ?? 0);
const seekers = (facts: ProgramFacts): number => Number(facts.run.summary.seekers ?? 0);

const analyticsLine = (a: Record<string, unknown> | undefined): string => {
  if (!a) return 'n/a';
  const pick = ['matchRate', 'acceptanceRate', 'declineRate']
    .filter((k) => k in a)
    .map((k) => `${k} ${JSON.stringify(a[k])}`);
  return pick.join(', ');
};

export const terminalReport = (report: DemoReport, htmlPath: string): string => {
  const lines: string[] = [
    '',
    `MedMentor demo: a program cycle over the real APIs and Kafka (scale ${report.scale}, ${report.totalSeconds.toFixed(0)} s)`,
    '',
  ];
  for (const facts of report.programs) {
    const ranks = facts.pairs.map((p) => p.menteeRank).filter((r): r is number => r !== undefined);
    lines.push(
      `${facts.label} (${facts.algorithm}): ${facts.physicians} physicians, enrolled ${Object.entries(
        facts.enrolled,
      )
        .map(([k, v]) => `${v} ${k}s`)
        .join(', ')}${facts.rankLists ? `, ${facts.rankLists} rank lists` : ''}`,
    );
    lines.push(
      `  run: ${matched(facts)} matches for ${seekers(facts)} seekers (${pct(matched(facts), seekers(facts))}), verified ${facts.run.verified}, solve ${JSON.stringify(facts.run.timings.solveMs ?? null)} ms`,
    );
    if (ranks.length > 0)
      lines.push(
        `  rank achieved (mentees): ${histogram(ranks, rankBuckets)
          .map((b) => `${b.label} ${pct(b.count, ranks.length)}`)
          .join(', ')}`,
      );
    const scores = facts.pairs.map((p) => p.score);
    lines.push(
      `  scores: p50 ${percentile(scores, 50) ?? 'n/a'}, p95 ${percentile(scores, 95) ?? 'n/a'}, min ${Math.min(...scores)}, max ${Math.max(...scores)}`,
    );
    lines.push(
      `  proposed ${facts.proposed}; answered ${facts.responded}: ${facts.accepted} activated, ${facts.declined} declined, ${facts.rematched} rematched`,
    );
    lines.push(`  analytics: ${analyticsLine(facts.analytics)}`);
    for (const note of facts.notes) lines.push(`  note: ${note}`);
  }
  const a = report.after;
  lines.push(
    '',
    `meetings scheduled: ${a.meetingsScheduled} (${a.kickoffsScheduled} kickoffs, ${a.noCommonSlot} pairs with no common slot, asked to choose)`,
  );
  lines.push(
    `kickoffs held: ${a.held} (scheduling's calendar moved ${a.clockDays} days ahead), feedback ${a.feedback.length} (average ${(a.feedback.reduce((s, v) => s + v, 0) / Math.max(1, a.feedback.length)).toFixed(2)}), action items ${a.actionItems}`,
  );
  lines.push(
    `milestones: ${
      Object.entries(a.milestones)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }; ended early: ${a.endedMatchId ?? 'none'}`,
  );
  lines.push(
    `emails: ${report.emails.mailbox} in the mailbox, ${report.emails.sentByService} sent by notifications (the rest are still queued and keep arriving while the stack is up)`,
  );
  lines.push('', 'latencies (p50 / p95, n):');
  for (const { name, values } of latencies(a))
    lines.push(
      `  ${name.padEnd(62)} ${seconds(percentile(values, 50))} / ${seconds(percentile(values, 95))}  (${values.length})`,
    );
  lines.push('', 'phases:');
  for (const phase of report.phases)
    lines.push(`  ${phase.name.padEnd(54)} ${phase.seconds.toFixed(1)} s`);
  lines.push('', `HTML report: ${htmlPath}`, '');
  return lines.join('\n');
};

const esc = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );

/** A horizontal bar chart as inline SVG. */
export const barChart = (
  title: string,
  bars: readonly { label: string; count: number }[],
): string => {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const row = 22;
  const height = bars.length * row + 30;
  const body = bars
    .map((b, i) => {
      const y = 24 + i * row;
      const w = Math.round((b.count / max) * 300);
      return `<text x="0" y="${y + 14}" font-size="12">${esc(b.label)}</text><rect x="110" y="${y}" width="${w}" height="16" fill="#2b6cb0"/><text x="${116 + w}" y="${y + 13}" font-size="12">${b.count}</text>`;
    })
    .join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" width="480" height="${height}" role="img" aria-label="${esc(title)}"><text x="0" y="14" font-size="14" font-weight="bold">${esc(title)}</text>${body}</svg></figure>`;
};

export const htmlReport = (report: DemoReport): string => {
  const sections = report.programs.map((facts) => {
    const ranks = facts.pairs.map((p) => p.menteeRank).filter((r): r is number => r !== undefined);
    const scores = facts.pairs.map((p) => p.score);
    const outcome = [
      { label: 'activated', count: facts.accepted },
      { label: 'declined', count: facts.declined },
      { label: 'rematched', count: facts.rematched },
      { label: 'not answered', count: Math.max(0, facts.proposed - facts.responded) },
    ];
    return `<section><h2>${esc(facts.label)}: ${esc(facts.algorithm)}</h2>
<p>${facts.physicians} physicians; enrolled ${esc(
      Object.entries(facts.enrolled)
        .map(([k, v]) => `${v} ${k}s`)
        .join(', '),
    )}${facts.rankLists ? `; ${facts.rankLists} rank lists` : ''}.
Run ${esc(facts.run.runId)}: ${matched(facts)} matches for ${seekers(facts)} seekers (${pct(matched(facts), seekers(facts))}), verified: ${facts.run.verified}.</p>
${facts.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}
<div class="charts">${ranks.length > 0 ? barChart('Rank achieved by mentees', histogram(ranks, rankBuckets)) : ''}${barChart('Score distribution', histogram(scores, scoreBuckets(scores)))}${barChart('Answers to proposals', outcome)}</div>
<details><summary>Program analytics (profiles)</summary><pre>${esc(JSON.stringify(facts.analytics ?? {}, null, 2))}</pre></details></section>`;
  });
  const a = report.after;
  const latencyRows = latencies(a)
    .map(
      ({ name, values }) =>
        `<tr><td>${esc(name)}</td><td>${seconds(percentile(values, 50))}</td><td>${seconds(percentile(values, 95))}</td><td>${values.length}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MedMentor demo report</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1rem}.note{color:#8a4b00}</style></head><body>
<h1>MedMentor demo report</h1>
<p>Scale ${report.scale}, seed ${report.seed}, started ${esc(report.startedAt)}, ${report.totalSeconds.toFixed(0)} s in all.</p>
${sections.join('\n')}
<section><h2>After the match</h2>
<p>${a.meetingsScheduled} meetings scheduled (${a.kickoffsScheduled} kickoffs; ${a.noCommonSlot} pairs had no common slot and were asked to choose).
Scheduling's calendar was moved ${a.clockDays} days ahead: ${a.held} kickoffs held, ${a.feedback.length} feedback ratings, ${a.actionItems} action items; one mentorship ended early (${esc(a.endedMatchId ?? 'none')}).</p>
<div class="charts">${barChart(
    'Milestones reached',
    Object.entries(a.milestones).map(([label, count]) => ({ label, count })),
  )}${barChart(
    'Feedback ratings',
    [1, 2, 3, 4, 5].map((r) => ({
      label: `${r}`,
      count: a.feedback.filter((v) => v === r).length,
    })),
  )}${barChart('Emails', [
    { label: 'in mailbox', count: report.emails.mailbox },
    { label: 'sent (service)', count: report.emails.sentByService },
  ])}</div>
<h3>Latencies</h3><table><tr><th>path</th><th>p50</th><th>p95</th><th>n</th></tr>${latencyRows}</table>
<h3>Phases</h3><table>${report.phases.map((p) => `<tr><td>${esc(p.name)}</td><td>${p.seconds.toFixed(1)} s</td></tr>`).join('')}</table></section>
</body></html>`;
};
