// opencc-js 1.4.2 names a types folder in package.json but does not ship it.
declare module 'opencc-js/t2cn' {
  export type Locale = 'cn' | 'hk' | 'hkp' | 'tw' | 'twp' | 't' | 'jp';
  export function Converter(options: { from: Locale; to: Locale }): (text: string) => string;
}
declare module 'opencc-js' {
  export * from 'opencc-js/t2cn';
}
declare module 'opencc-js/cn2t' {
  export * from 'opencc-js/t2cn';
}
