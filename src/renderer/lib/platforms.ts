// What to call a platform on screen. Labels and badges only: what the app offers is decided from
// capabilities, never from these names.
const names: Readonly<Record<string, string>> = { chatcaptain: 'ChatCaptain', botpress: 'Botpress' };

export const platformName = (platform: string): string => names[platform] ?? platform;
