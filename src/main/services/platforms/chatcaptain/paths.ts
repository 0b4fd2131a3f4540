// ChatCaptain's URL paths, with every id escaped.
const seg = encodeURIComponent;

/** /v1/chatbots/{chatbotId}{rest}{id} */
export const bot = (chatbotId: string, rest: string, id?: string): string =>
  `/v1/chatbots/${seg(chatbotId)}${rest}${id === undefined ? '' : seg(id)}`;

/** /v1/inbox/{chatbotId}{rest} */
export const inbox = (chatbotId: string, rest: string): string => `/v1/inbox/${seg(chatbotId)}${rest}`;
