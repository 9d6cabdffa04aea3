import type { ReactNode } from "react";

// The plain reading pages the footer links to (about, how it works, privacy, accessibility,
// contact): a title, an introduction, and titled sections.

export function InfoPage({ title, intro, children, testId }: { title: string; intro: string; children: ReactNode; testId: string }) {
  return (
    <article className="max-w-prose space-y-8" data-testid={testId}>
      <header className="space-y-4">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="text-lg">{intro}</p>
      </header>
      {children}
    </article>
  );
}

export function InfoSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
