// One shared clock that ticks on the minute, for relative times ("5 min ago") that must move on
// while the app stays open all day, without a timer per row.
import { useTicker } from '../../lib/ticker';

export const useMinute = (): number => useTicker(60_000);
