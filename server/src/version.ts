/** The version of Model Lens, read from package.json when the bundles are built (only this field is bundled). */
import { version } from '../../package.json';

export const VERSION: string = version;
