import { useTranslations } from "next-intl";
import type { ChairHearing } from "@/lib/hearings/chair-console";

// The running order on the chair's console, with how far the hearing has gone: each
// candidate's turn done, under way or to come, and a progress bar.

const MARK = { done: "✓", current: "▶", waiting: "○" } as const;
const STYLE = { done: "text-slate-700", current: "font-bold text-brand-800", waiting: "text-slate-900" } as const;

export function ChairRunningOrder({ order, progress }: Pick<ChairHearing, "order" | "progress">) {
  const t = useTranslations("hearingLive.order");
  if (order.length === 0) return null;
  return (
    <section aria-labelledby="console-order" className="space-y-3" data-testid="chair-running-order">
      <h2 id="console-order" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p id="console-order-progress" data-testid="chair-progress">
        {t("progress", { done: progress.done, total: progress.total })}
      </p>
      <progress value={progress.done} max={progress.total} aria-labelledby="console-order-progress" className="h-3 w-full max-w-xl accent-brand-700">
        {t("progress", { done: progress.done, total: progress.total })}
      </progress>
      <ol className="grid gap-1 sm:grid-cols-2">
        {order.map((slot) => (
          <li
            key={slot.slotId}
            className={STYLE[slot.turn]}
            data-testid="chair-order-item"
            data-turn={slot.turn}
            aria-current={slot.turn === "current" ? "step" : undefined}
          >
            <span aria-hidden="true">{MARK[slot.turn]} </span>
            {t("item", { position: slot.position, name: slot.name })} <span className="text-sm">({t(`turn.${slot.turn}`)})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
