/** The recovery codes, shown once after enrolment or regeneration (they arrive as the action's one-time data). */
export function RecoveryCodes({ codes, title, intro }: { codes: string; title: string; intro: string }) {
  const list = codes.split("\n").filter(Boolean);
  return (
    <section aria-label={title} className="mt-3 space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p>{intro}</p>
      <ol dir="ltr" data-testid="recovery-codes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base">
        {list.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </section>
  );
}
