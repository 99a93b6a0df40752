/**
 * The cleaner's rules as data: what page furniture, credits, captions, datelines and list markers
 * look like on Chinese newspaper pages and PDF extractions in general (not on one file). Each
 * pattern is matched against one trimmed line or block.
 */
import type { Dropped } from '../model';

type DropReason = Dropped['reason'];

/** Lines that are never text: the reason is shown in the ingest report. */
/** `photo`: a photo credit, so the block just before it is the photo's caption. */
export const FURNITURE: ReadonlyArray<{ pattern: RegExp; reason: DropReason; photo?: boolean }> = [
  // （上接第一版） （下转第三版） （接第2版） （转A3版）
  {
    pattern: /^[（(](?:上接|下转|下轉|接上|接|转|轉|续|續|紧接|緊接|转至|轉至)[^）)]{0,12}[版页頁面][）)]$/u,
    reason: 'continuation-note',
  },
  // 12 / - 12 - / 第12页 / 第三版 / A3版 / 2026年5月21日 星期四 (a dated page header line)
  { pattern: /^(?:第\s*)?\d{1,4}\s*(?:[页頁版面])?$/u, reason: 'page-number' },
  { pattern: /^[-–—·•|]\s*\d{1,4}\s*[-–—·•|]$/u, reason: 'page-number' },
  // [12] / 〔12〕 / 12 / 40 / 第 12 页 共 40 页 / Page 12 / p. 12 / Page 12 of 40
  { pattern: /^[[〔【(（]\s*\d{1,4}\s*[\]〕】)）]$/u, reason: 'page-number' },
  { pattern: /^\d{1,4}\s*[/／]\s*\d{1,4}$/u, reason: 'page-number' },
  { pattern: /^第\s*\d{1,4}\s*[页頁]\s*[,，]?\s*共\s*\d{1,4}\s*[页頁]$/u, reason: 'page-number' },
  { pattern: /^(?:page|p\.|pp\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/iu, reason: 'page-number' },
  { pattern: /^第[一二三四五六七八九十百零〇]+[版页頁]$/u, reason: 'page-number' },
  // A running header with its page number at the margin: "86    国际问题研究", "年度报告\t85".
  {
    pattern: /^\d{1,4}(?:[ ]{2,}|\t|[ ]?\u3000[ ]?)[^\s\d。！？，；：]\S{0,15}(?:\s\S{1,15}){0,3}$/u,
    reason: 'running-header',
  },
  {
    pattern: /^[^\s\d]\S{0,15}(?:\s\S{1,15}){0,3}(?<![。！？，；：])(?:[ ]{2,}|\t|[ ]?\u3000[ ]?)\d{1,4}$/u,
    reason: 'running-header',
  },
  { pattern: /^[A-Z]\d{1,2}\s*版?$/u, reason: 'page-number' },
  {
    pattern: /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|週|周)[一二三四五六日天](?:\s+.{0,20})?$/u,
    reason: 'running-header',
  },
  // 责任编辑：… 美术编辑：… 本版编辑：… (editor credit lines)
  {
    pattern:
      /^(?:本版)?(?:责任编辑|責任編輯|编辑|編輯|美术编辑|美術編輯|校对|校對|版式设计|版式設計|制图|製圖|图表制作|圖表製作|实习生|實習生)\s*[：:]/u,
    reason: 'credit',
  },
  // ■据新华社 / 据新华社电 / 據新華社報道 (a source credit standing alone)
  { pattern: /^[■□●◆]?\s*[据據](?:\S{1,10}?)(?:社|报|報|网|網|台|站)(?:电|電|报道|報道|消息)?$/u, reason: 'credit' },
  // 新华社图 / 新华社记者 张三 摄 / 人民视觉 / 本报记者 李四摄 (photo credits)
  {
    pattern:
      /^(?:新华社|新華社|中新社|人民视觉|人民視覺|视觉中国|視覺中國|本报|本報|CFP|IC\s*photo)(?:记者|記者)?\s*[^\s\p{P}]{0,12}\s*(?:图|圖|摄|攝|供图|供圖|发|發)?$/u,
    reason: 'credit',
    photo: true,
  },
  { pattern: /^\S{0,16}(?:记者|記者|通讯员|通訊員)\s*\S{1,12}\s*(?:摄|攝)$/u, reason: 'credit', photo: true },
];

/** A credit standing after the last sentence of a paragraph: "…替代性選擇。 大公報記者葛沖", "…會見記者。 新華社". */
export const TRAILING_CREDIT =
  /(?<=[。！？”」』）])[ \u3000]+((?:\S{0,8}(?:记者|記者|通讯员|通訊員)\S{1,4}(?:[ \u3000]*(?:摄|攝))?)|新华社|新華社|中新社|人民视觉|人民視覺|视觉中国|視覺中國)$/u;

/** A label line of a page (專家 / 解讀, a column name, a byline): at most this wide, without punctuation. */
export const LABEL_MAX_WIDTH = 10;

/** Characters that end a sentence or a paragraph. */
export const TERMINAL = /[。！？!?；;…\.：:]$/u;
/**
 * A short note in brackets after a sentence's end (…的恶人。（细拉）, …。（完）, …。（记者 张三）) closes
 * the paragraph as the sentence did: stripped before the terminal punctuation is looked at.
 */
export const TRAILING_NOTE = /(?<=[。！？!?…])\s*[（(][^（）()]{1,20}[）)]$/u;
/** Speech broken off by a dash inside its closing quote (“你为什么——”): the sentence ends there. */
export const BROKEN_OFF_SPEECH = /(?:——|—|……)[”」』’]$/u;
/** Closing quotes and brackets that may follow the terminal punctuation (“……。”). */
export const CLOSERS = /[”’」』）)》〉】〗"'\s]+$/u;

/** A block opening with one of these is a list item: （一） (1) 一、 1. ①. */
export const LIST_MARKER =
  /^(?:[（(][一二三四五六七八九十百零〇\d]{1,4}[）)]|[一二三四五六七八九十百]{1,3}、|\d{1,3}[.、．](?!\d)|[①-⑳])/u;

/** A note naming the source of a chart, table or box. */
const SOURCE_NOTE_BODY = '(?:资料来源|資料來源|图片来源|圖片來源|数据来源|數據來源)\\s*[：:]';
export const SOURCE_NOTE = new RegExp(`^${SOURCE_NOTE_BODY}`, 'u');

/** A caption opens with a pointer to the picture. */
export const CAPTION_MARKER = new RegExp(
  `^(?:[▲△▼▽◀▶►◄↑↓←→]|${SOURCE_NOTE_BODY}|图为|圖為|上图|上圖|下图|下圖|左图|左圖|右图|右圖|图\\s*[:：]|圖\\s*[:：]|（图|（圖)`,
  'u',
);
/** Or it opens with a full date and a comma, and stands apart from the running text. */
export const DATED_CAPTION = /^\d{4}年\d{1,2}月\d{1,2}日\s*[,，]/u;

/** 新华社北京5月20日电（记者杨依军） / 【大公報訊】據新華社報道： / 本报莫斯科5月8日电 */
export const DATELINE =
  /^(?:(?:新华社|新華社|中新社|本报|本報|人民日报|人民日報|人民网|人民網|央视网|央視網)[^，。,]{0,12}?[\d一二三四五六七八九十〇]{1,4}月[\d一二三四五六七八九十〇]{1,3}日(?:电|電)(?:[（(][^）)]{1,40}[）)])?|【[^】]{1,12}】(?:[据據][^：:，。]{1,12}(?:报道|報道)?[：:])?)/u;

/** A subtitle line opens with a dash: ——中俄各界期待… */
export const SUBTITLE = /^(?:——|—|--)/u;

/** A table of contents: its heading, and what its entries end with (a page number). */
export const TOC_HEADING = /^(?:目\s*录|目\s*錄|contents|table of contents)$/iu;
export const TOC_ENTRY_END = /(?:\t|\s{2,}|\.{3,}|…{2,}|\s)\*{0,2}\d{1,4}\*{0,2}$/u;

/** A short line seen this many times is a running header or footer. */
export const RUNNING_HEADER_MIN_REPEATS = 3;
export const RUNNING_HEADER_MAX_LENGTH = 30;

/** Prose is at least this wide (in display columns: a Han character counts 2). */
export const PROSE_MIN_WIDTH = 40;
/** A heading is at most this wide. */
export const HEADING_MAX_WIDTH = 100;
/** A dated caption is at most this many code points. */
export const CAPTION_MAX_LENGTH = 200;
/** A figure caption or chart title set apart in a PDF extraction is at most this long (code points). */
export const CHART_TITLE_MAX_LENGTH = 80;
/** A one-sentence photo caption with a gap on one side only is at most this long. */
export const PHOTO_CAPTION_MAX_LENGTH = 30;

/**
 * Names that pair up with a dash (东北—远东, 中国—中亚, 长江—伏尔加河): between two of them, OCR's 一
 * is a misread dash, never the numeral (一 after a name opens a word: 中国一直, 东北一带).
 */
export const OCR_DASH_NAMES = [
  '东北',
  '東北',
  '远东',
  '遠東',
  '西北',
  '西南',
  '东南',
  '東南',
  '华北',
  '華北',
  '中亚',
  '中亞',
  '东盟',
  '東盟',
  '长江',
  '長江',
  '伏尔加河',
  '伏爾加河',
  '伏尔加',
  '伏爾加',
  '黄河',
  '黃河',
  '西伯利亚',
  '西伯利亞',
  '亚太',
  '亞太',
  '欧亚',
  '歐亞',
  '拉美',
  '非洲',
  '阿拉伯',
  '中国',
  '中國',
  '俄罗斯',
  '俄羅斯',
  '蒙古',
  '中俄',
  '中蒙俄',
  '北极',
  '北極',
] as const;

/**
 * News agencies: a source note naming only an agency (資料來源：新華社) credits a newspaper box,
 * it says nothing of the text; a source note naming a document (资料来源：商务部《…》) is a
 * table's or chart's caption and stays.
 */
export const AGENCY_SOURCE_NOTE = new RegExp(
  `^${SOURCE_NOTE_BODY}\\s*(?:新华社|新華社|中新社|中通社|路透社|美联社|美聯社|法新社|塔斯社|共同社)$`,
  'u',
);

/** A caption's pointer to its picture: furniture, the caption is what follows it. */
export const CAPTION_POINTER = /^[▲△▼▽◀▶►◄↑↓←→]\s*/u;

/**
 * The sentence that closes a news agency's report (蔡奇、王毅等參加上述活動。, …等出席活動。):
 * what follows it on the page starts another article.
 */
export const ARTICLE_CLOSER = /(?:参加|參加|出席|陪同)(?:上述)?(?:活动|活動|会见|會見|会谈|會談)?。[”」]?$/u;

/** The genre words a box or column is labelled with on a page (專家解讀, 北京觀察, 新聞背景). */
const LABEL_WORDS =
  '(?:解讀|解读|觀察|观察|評論|评论|快評|快评|特寫|特写|聚焦|視點|视点|連線|连线|背景|鏈接|链接|速覽|速览|數讀|数读)';
/** A box's label (專家解讀), or a column's label with its writer's name (北京觀察 馬浩亮): at most four characters before the genre word. */
export const PAGE_LABEL = new RegExp(`^\\p{Script=Han}{0,4}${LABEL_WORDS}(?:\\s?\\p{Script=Han}{2,3})?$`, 'u');
/** The longest line (in Han characters) of a box's stacked label (專家 / 解讀). */
export const STACKED_LABEL_MAX_LINE = 2;
/** The longest line of a banner or column label at the foot of a page. */
export const PAGE_LABEL_MAX_LINE = 8;

/** A line ending in the genre of a document (…的联合声明) is that document's title, complete as it stands. */
export const DOCUMENT_TITLE_END = /(?:声明|聲明|公报|公報|宣言|条约|條約|纲要|綱要|决议|決議)$/u;

/** A gap that parts two cells of a table set with spaces: two ASCII spaces or more, or any tab or ideographic space. */
export const TABLE_CELL_GAP = /^(?:[ ]{2,}|.*[\t\u3000].*)$/su;
/** The widest cell (display columns) of a table set with spaces: a wider run is a line of prose. */
export const TABLE_CELL_MAX_WIDTH = 40;
/** Tab stops of a text extraction, every this many display columns. */
export const TAB_STOP = 8;

/**
 * A byline on a line of its own at the head or foot of an article: a reporter or correspondent
 * with a name or two (本报记者 王五, 新华社记者 张三 李四, 大公報駐莫斯科記者 葛沖, 文／王五). A photo
 * credit (… 摄, … 图) is furniture instead, listed as a credit.
 */
export const BYLINE =
  /^(?:[■●◆□]\s*)?(?:\p{Script=Han}{0,6}?(?:特约|特約)?(?:驻\p{Script=Han}{1,5}|駐\p{Script=Han}{1,5})?(?:记者|記者|通讯员|通訊員)|文\s*[/／]|作者\s*[:：]?)\s*[\p{Script=Han}·]{2,4}(?:[\s\u3000、]+[\p{Script=Han}·]{2,4}){0,3}(?<![摄攝图圖])$/u;

/** An agency's dateline ends with 电 (and the reporters in brackets): standing alone, it is the article's byline. */
export const AGENCY_DATELINE_END = /(?:电|電)(?:[（(][^）)]{1,40}[）)])?$/u;

/** A kicker over a headline (专家解读, 新闻背景, 习近平访俄): one short line of Han characters, at most this many. */
export const KICKER_MAX_HAN = 6;

/**
 * The title of a box beside an article (相关链接, 延伸阅读, 背景资料, 新闻链接, 相关新闻, 知识链接),
 * alone on its line, perhaps in brackets or after a box's square (【相关链接】, ■背景资料).
 */
export const SIDEBAR_LABEL =
  /^(?:[【［[〔]\s*)?(?:[■□●◆▌▍|]\s*)?(?:相关|相關|延伸|新闻|新聞|背景|知识|知識|资料|資料|小|图表|圖表)?(?:链接|鏈接|阅读|閱讀|资料|資料|新闻|新聞|背景|知识|知識)(?:\s*[】］\]〕])?[：:]?$/u;
/** A rule line drawn round a box in a text extraction (────, ＿＿＿＿, ====, ****). */
export const RULE_LINE = /^(?:[-─━—_＿=＝═~～*＊·•]\s?){4,}$/u;
/** A bullet before an item of a box (· 中俄贸易额创新高): furniture, the item is what follows it. */
export const BOX_BULLET = /^[·•■▪▶►◆●-]\s*/u;
/** The longest link title of a box (Han characters): a longer line is a paragraph of it. */
export const BOX_TITLE_MAX_HAN = 30;

/**
 * A pull quote as a page sets it: one quotation (「…」, “…”, 『…』) standing alone, perhaps after a
 * box's square (■) and perhaps with its speaker after a dash (“…。”——张三). Dialogue of a story
 * (“…，”他说，“…。”) opens and closes more than one quotation and is not one.
 */
export const PULL_QUOTE =
  /^(?<mark>[■◆●▌▍]\s*)?(?<quote>「[^「」]{4,}」|“[^“”]{4,}”|『[^『』]{4,}』)(?<by>\s*(?:——|—|－－|--)\s*[^\s，。,.「」“”]{1,16})?$/u;
/** A pull quote's speaker on a line of its own under it (——张三). */
export const SPEAKER_LINE = /^(?:——|—|－－|--)\s*[^\s，。,.「」“”]{1,16}$/u;
/** A pull quote is at most this many Han characters: a longer quotation is a paragraph. */
export const PULL_QUOTE_MAX_HAN = 80;
