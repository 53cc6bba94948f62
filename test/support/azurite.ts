import { startAzurite, type Azurite } from '../../tools/azurite';

/** Azurite in memory for the tests of this file: started before them, killed after. */
export function useAzurite(): () => Azurite {
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30000);
  afterAll(() => azurite?.stop());
  return () => {
    if (!azurite) throw new Error('Azurite is not running');
    return azurite;
  };
}
