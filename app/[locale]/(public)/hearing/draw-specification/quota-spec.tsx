import { getTranslations } from "next-intl/server";
import { quotaLines } from "@/lib/draw/verifiable-draw-v3";
import { EXAMPLE_QUOTA, hexDump, wordText, workedExample } from "@/lib/draw/worked-example";
import { Block, Formula } from "./blocks";

// Section 15 of the public specification (docs/draw-specification.md §15): question draws under
// a quota, and example C computed by the implementation when the page is served.

export async function QuotaSpec({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "questionQuota.spec" });
  const ex = await getTranslations({ locale, namespace: "drawSpec.example" });
  const x = workedExample(EXAMPLE_QUOTA);
  const quota = EXAMPLE_QUOTA.quota;
  const cell = "border border-slate-300 p-1";
  const heading = t("example", { candidate: EXAMPLE_QUOTA.candidateId ?? "", count: x.drawn.length, total: x.sortedIds.length });
  return (
    <section aria-labelledby="quota-title" className="space-y-3" data-testid="spec-quota">
      <h2 id="quota-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <p>{t("strata")}</p>
      <Formula>{"stratum = ^(MEMBER_STATE(-[A-E])?|SECTOR_MEMBER|PUBLIC|PRESS)$"}</Formula>
      <p>{t("message")}</p>
      <ul className="list-disc space-y-1 ps-6">
        <li>
          <span dir="ltr" className="font-mono">
            1–5
          </span>{" "}
          — <code dir="ltr">hustings-draw-v3</code>, <code dir="ltr">QUESTIONS</code>, …
        </li>
        <li>
          <span dir="ltr" className="font-mono">
            6
          </span>{" "}
          — {t("l6")}
        </li>
        <li>
          <span dir="ltr" className="font-mono">
            7–10
          </span>{" "}
          — {t("l7")}
        </li>
        <li>
          <span dir="ltr" className="font-mono">
            11
          </span>{" "}
          — {t("l11")}
        </li>
        <li>
          <span dir="ltr" className="font-mono">
            12, 13, …
          </span>{" "}
          — {t("l12")}
        </li>
      </ul>
      <Formula>
        {
          'M = ASCII( join("\\n", ["hustings-draw-v3", "QUESTIONS", hearingId, candidateId, entropy, "places N", "MEMBER_STATE min max", …, "region R", id₀ + " " + stratum₀, …]) )'
        }
      </Formula>
      <p>{t("bind")}</p>
      <p>{t("walk")}</p>
      <ol className="list-decimal space-y-1 ps-6">
        <li>{t("pass1")}</li>
        <li>{t("pass2")}</li>
      </ol>
      <p>{t("order")}</p>
      <p>{t("shortfall")}</p>
      <Formula>{"count = min(N, Σ_source min(max_source, available_source)),  available_MEMBER_STATE = Σ_region min(R, n_region) + n_no_region"}</Formula>
      <p>{t("check")}</p>

      <section aria-labelledby="example-c-title" className="space-y-4" data-testid="example-c">
        <h3 id="example-c-title" className="text-xl font-semibold">
          {heading}
        </h3>
        <h4 className="font-semibold">{ex("inputs")}</h4>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt>{ex("seed")}</dt>
          <dd>
            <code dir="ltr" className="font-mono text-sm break-all" data-testid="example-c-seed">
              {x.input.seed}
            </code>
          </dd>
          <dt>{ex("hearingId")}</dt>
          <dd>
            <code dir="ltr">{x.input.hearingId}</code>
          </dd>
          <dt>{ex("candidateId")}</dt>
          <dd>
            <code dir="ltr">{x.input.candidateId}</code>
          </dd>
          <dt>{ex("entropyTyped")}</dt>
          <dd>
            <code dir="ltr">{`"${x.input.entropyTyped}" → ${x.entropy}`}</code>
          </dd>
          <dt>{ex("count")}</dt>
          <dd>{x.input.count}</dd>
        </dl>
        <h4 className="font-semibold">{t("quota")}</h4>
        <Block label={t("quota")} testId="example-c-quota">
          {quota ? quotaLines(quota).join("\n") : ""}
        </Block>
        <h4 className="font-semibold">{t("idsWithStrata")}</h4>
        <Block label={t("idsWithStrata")} testId="example-c-listed">
          {x.input.idsListed.map((id, k) => `[${k}] ${id} ${x.input.strata?.[id] ?? ""}`).join("\n")}
        </Block>
        <h4 className="font-semibold">{ex("messageLines")}</h4>
        <Block label={ex("messageLines")} testId="example-c-lines">
          {x.lines.map((line, k) => `${k + 1}: "${line}"`).join("\n")}
        </Block>
        <h4 className="font-semibold">{ex("messageBytes", { count: x.messageLength })}</h4>
        <Block label={ex("messageBytes", { count: x.messageLength })}>
          {hexDump(x.messageHex)
            .map((row) => `${row.offset}  ${row.bytes.padEnd(47)}  ${row.text}`)
            .join("\n")}
        </Block>
        <h4 className="font-semibold">{ex("blocks")}</h4>
        {x.blocks.map((b) => (
          <Block key={b.counter} label={ex("block", { k: b.counter })}>
            {[
              `${ex("counterBytes")}: ${b.counterHex}`,
              `${ex("mac")}: ${b.macHex}`,
              ...b.words.map((w, n) => `${ex("word")} ${b.counter}.${n}: ${wordText(w)}`),
            ].join("\n")}
          </Block>
        ))}
        <h4 className="font-semibold">{ex("steps")}</h4>
        <Block label={ex("steps")}>
          {x.steps.map((s) => `i=${s.i} bound=${s.bound} ${s.words.map((w) => `${w.block}.${w.index}`).join(",")} j=${s.j}  ${s.after.join(" ")}`).join("\n")}
        </Block>
        <h4 className="font-semibold">{ex("permutation")}</h4>
        <ol dir="ltr" className="font-mono text-sm" data-testid="example-c-permutation">
          {x.permutation.map((id, k) => (
            <li key={id}>{`[${k}] ${id}`}</li>
          ))}
        </ol>
        <div tabIndex={0} role="region" aria-labelledby="example-c-walk-caption" className="overflow-x-auto focus:outline-2 focus:outline-brand-700">
          <table className="min-w-full border-collapse text-sm" data-testid="example-c-walk">
            <caption id="example-c-walk-caption" className="text-start font-semibold">
              {t("walkCaption")}
            </caption>
            <thead>
              <tr>
                {(["position", "id", "stratum", "pass1Col", "pass2Col"] as const).map((key) => (
                  <th key={key} scope="col" className={`${cell} text-start`}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(x.walk ?? []).map((w, k) => (
                <tr key={w.id}>
                  <td dir="ltr" className={`${cell} font-mono`}>
                    {k}
                  </td>
                  <td dir="ltr" className={`${cell} font-mono`}>
                    {w.id}
                  </td>
                  <td dir="ltr" className={`${cell} font-mono`}>
                    {w.stratum}
                  </td>
                  <td className={cell}>{t(`mark.${w.pass1}`)}</td>
                  <td className={cell}>{t(`mark.${w.pass2}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h4 className="font-semibold">{t("drawn", { count: x.drawn.length })}</h4>
        <ol dir="ltr" className="font-mono text-sm" data-testid="example-c-drawn">
          {x.drawn.map((id, k) => (
            <li key={id}>{`[${k}] ${id}`}</li>
          ))}
        </ol>
      </section>
    </section>
  );
}
