/** The version written into TMX and TBX headers (creationtoolversion), from the one place it is kept. */
import pkg from '../../package.json';

export const DUIZHAO_VERSION: string = pkg.version;
