/** How a Chinese source is written, as meta.json, `duizhao add --variant` and the import page declare it. */
export const SCRIPT_VARIANTS = ['simplified', 'traditional-HK', 'traditional-TW'] as const;
