/** The fields of a big benign form, `f0=hello+0`, `f1=hello+1`, …, while their `&`-joined length stays under `bytes` (~90,000 per MiB). */
export function helloFormFields(bytes: number): string[] {
  const fields: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const f = `f${i}=hello+${i}`;
    fields.push(f);
    length += f.length + 1;
  }
  return fields;
}
