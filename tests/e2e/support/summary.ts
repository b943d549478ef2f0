/** "Rader i filen: 7 = importerade 3 + avvisade 4" → the three numbers. */
export function summaryNumbers(text: string | null) {
  const m = (text ?? '').replace(/[\s\u00a0]/g, '').match(/(\d+)=importerade(\d+)\+avvisade(\d+)/);
  if (!m) throw new Error(`No summary in: ${text}`);
  return { rows: Number(m[1]), imported: Number(m[2]), rejected: Number(m[3]) };
}
