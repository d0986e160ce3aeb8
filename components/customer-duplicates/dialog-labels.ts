/** What a duplicates dialog says, translated on the server (the customerDuplicates messages). */
export type DialogLabels = {
  trigger: string;
  title: string;
  description: string;
  submit: string;
  pending: string;
  done: string;
};
