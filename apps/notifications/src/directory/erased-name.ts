/** How messages name a physician who was erased (or is not known here). */
export const FORMER_PARTICIPANT = 'a former participant';
