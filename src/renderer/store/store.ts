// The one store the renderer reads: the slices of state.ts, started from what this computer
// remembers. Components read it with selectors (`useStore(s => …)`); changes go through the
// slices' transitions, called by the actions in actions/ and by the contract events.
import { create } from 'zustand';
import { rememberChanges, rememberedState } from './remembered';
import { createState, type State } from './state';

export const useStore = create<State>()((...a) => ({ ...createState(...a), ...rememberedState() }));

rememberChanges(useStore);

export const { getState } = useStore;
