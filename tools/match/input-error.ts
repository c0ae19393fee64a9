/** Bad arguments or a malformed file: the tool exits with code 2 and this message. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
