/**
 * The bot, tenant and two clinicians of Microsoft's published Teams payload examples (ids and aadObjectIds
 * shaped as Teams sends them), for tests of shared Teams conversations.
 */
export const teamsBot = { id: '28:76096e45-119f-4736-859c-6dfff54395f7', name: 'BCBM Consult' };
export const tenant = { id: 'bec8e231-67ad-484e-87f4-3e5438390a77' };
export const alice = {
  id: '29:1aBjVi5MwCFfhPIV03E5uDdfpBFXp',
  name: 'Alice Oncologist',
  aadObjectId: 'b130c271-d2eb-45f9-83ab-9eb3fe3788bc',
};
export const bob = {
  id: '29:102jd210jd010icsoaeclaejcoa9ue09u',
  name: 'Bob Registrar',
  aadObjectId: 'c240d382-e3fc-46a1-94bc-0fc4a0e899cd',
};
