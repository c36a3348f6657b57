import { ownPackage } from '../core/own-package.js';

export function specloopVersion(): string {
  return ownPackage().version;
}
