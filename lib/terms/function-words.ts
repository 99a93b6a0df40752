/**
 * Chinese function words: particles, prepositions, conjunctions, pronouns, auxiliaries, the
 * copula, the commonest grammatical adverbs, locative suffixes, and the reporting verbs news text
 * hangs on every name (习近平指出). A closed class, kept as data like the English stop words of
 * lib/align/words.ts: a glossary term neither begins nor ends with one (的合作, 对中俄, 合作和) and
 * is not mostly made of them. Not a list of terms: nothing here is ever proposed as one. 中 is
 * left out although it is also a locative: in this corpus it is China (中俄, 中|俄|文化年).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `的 地 得 了 着 过 之 所 者 们 吗 呢 吧 啊 也 都 就 还 又 再 才 只 却 仍 而 且 并 及 或 与 和 跟 同 以 于 为 被 把 将 对 向 从 自 由 在 给 让 使 令 比 如 若 因 但 则 即 既 虽 这 那 此 其 该 各 每 某 本 我 你 他 她 它 我们 你们 他们 她们 它们 是 有 会 能 要 可 应 已 已经 正在 曾 曾经 都是 就是 还是 也是 不 没 没有 非 很 更 最 太 越 较 比较 更加 十分 非常 进一步 不断 持续 始终 一直 共同 一道 一起 相互 彼此 以及 并且 而且 但是 因此 所以 因为 由于 如果 虽然 然而 同时 此外 通过 根据 按照 关于 对于 为了 作为 之间 之一 方面 等 等等 一些 一个 这个 那个 这些 那些 其中 以上 以下 以来 之后 之前 期间 上 下 内 外 前 后 里 来 去 说 表示 指出 强调 认为`
    .split(/\s+/)
    .filter(Boolean),
);

/** Numerals and the units and counters that go with them: a run of only these is a number or a date, not a term. */
export const NUMBER_CHARACTERS: ReadonlySet<string> = new Set(
  '〇零一二三四五六七八九十两百千万亿壹贰叁肆伍陆柒捌玖拾佰仟第年月日号时分秒周岁次届个多余半几'.split(''),
);

/**
 * The function words that open a phrase of their own: prepositions and the coverbs used as them
 * (同 "with", 在 "at", 向 "to"). Inside a run of words one joins a clause to the next
 * (习近平|同|俄罗斯|总统|普京 "Xi Jinping [met] with Russian President Putin", 俄罗斯联邦|在|两国|建交
 * "the Russian Federation, at the establishment of relations…"): a sentence's piece, not a term.
 * The coordinators (和, 与, 及) are left out: they join the parts of a name (国际和地区,
 * 中华人民共和国和俄罗斯联邦 in a treaty's title).
 */
export const PHRASE_OPENERS: ReadonlySet<string> = new Set(
  `同 在 向 跟 对 从 自 给 把 被 于 让 使 将 对于 关于 通过 根据 按照 为了 作为`.split(/\s+/).filter(Boolean),
);
