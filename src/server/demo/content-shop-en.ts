// The online shop's English conversations (Nordlicht Outfitters ships to the UK, Ireland and the US).
import { A, B, C, card, carousel, choice, dropdown, file, image, location, video, type Script } from './content';

const menu = choice("Hi! I'm Nordlicht Outfitters' shop assistant. What can I help you with?", 'Order status', 'Returns', 'Sizing help', 'Something else');

export const shopScriptsEn: Script[] = [
  {
    lang: 'en',
    outcome: 'bot',
    turns: (v) => [
      C('hey, any update on my order?'),
      B(menu),
      C('Order status'),
      B('Sure – what is your order number? It starts with # and is in your confirmation email.'),
      C(`#${v.order}`),
      B(
        card({
          title: `Order #${v.order}`,
          subtitle: 'Shipped · arriving Thursday',
          image: 'backpack.svg',
          actions: [['url', 'Track parcel', `https://shop.example.com/orders/${v.order}/tracking`]],
        }),
      ),
      B(video('parcel.webm')),
      C('great, thanks!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    turns: (v) => [
      C("Hi, I'd like to return the rain jacket. The colour looks different from the photos."),
      B(dropdown('Sorry about that! Why are you sending it back?', 'Too small', 'Too big', 'Not as pictured', 'Damaged', 'Changed my mind')),
      C('Not as pictured'),
      B(file('return-label.pdf', `Return label for order #${v.order}`)),
      B('Here is your free return label. Refunds go out within 5 working days of the parcel reaching us.'),
      C("I'm in Ireland – does the label work here too?"),
      B("Let me check that with a colleague for you."),
      A(`Hi ${v.first}, ${v.agent} here. Good question! That label is for Germany only – I've just emailed you an An Post label instead, also free of charge.`),
      C('Brilliant, thank you so much'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['webchat', 'instagram', 'whatsapp'],
    turns: (v) => [
      C("I'm usually a UK 8 in trainers, what size should I get in the Trail Runner?"),
      B(menu),
      C('Sizing help'),
      B(image('size-chart.svg')),
      B('A UK 8 is an EU 42 in our chart. The Trail Runner fits true to size.'),
      C('Hmm, I have wide feet though. Can someone who knows the shoe tell me?'),
      A(`Hi ${v.first}! I'm ${v.agent}. I wear them myself – they're a bit narrow at the toe, so with wide feet I'd go half a size up, EU 43.`),
      C('Perfect, ordering the 43 now 🙌'),
      A('Enjoy them! And if they do not fit, the exchange is free.'),
    ],
  },
  {
    lang: 'en',
    outcome: 'handoff',
    turns: (v) => [
      C(`My order #${v.order} was supposed to arrive 4 days ago. Tracking hasn't moved since Monday.`),
      B(
        card({
          title: `Order #${v.order}`,
          subtitle: 'Delayed at the carrier hub · we are on it',
          actions: [['url', 'Track parcel', `https://shop.example.com/orders/${v.order}/tracking`]],
        }),
      ),
      B('Parcels delayed at the hub usually move within 48 hours. Would you like me to notify you when it does?'),
      C('No. I want to talk to a real person please.'),
      B("Of course – I've passed you to our support team. Current wait time is about 5 minutes."),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['email', 'webchat'],
    turns: (v) => [
      C(`Hello, the discount code SPRING20 isn't working at checkout. It says "code not valid". Regards, ${v.first} ${v.last}`),
      B('Sorry about that! Codes sometimes exclude sale items. Let me hand this to a colleague to check your code.'),
      A(`Hi ${v.first}, ${v.agent} from customer care here. The code expired yesterday, but I've created a new one for you: NORD20-${v.ticket}. It is valid for 7 days.`),
      A('You can use it here: https://shop.example.com/checkout'),
      C('That worked, thanks a lot!'),
      A('Happy to help – enjoy your new gear!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    turns: (v) => [
      C("The left earbud of my Sonar headphones crackles since last week. They're only 3 months old."),
      C(image('headphones.svg')),
      B(choice('Sorry to hear that! Is this a warranty claim?', 'Yes, warranty', 'No, something else')),
      C('Yes, warranty'),
      B('I am connecting you with our team to start the warranty process.'),
      A(`Hi ${v.first}, this is ${v.agent}. That's covered by the 2-year warranty. I've attached a prepaid label; we'll send a replacement as soon as the pair arrives.`),
      A(file('return-label.pdf', 'Warranty return label')),
      C('Thanks. How long does the replacement usually take?'),
      A('About a week from when we receive them. I will keep an eye on it for you.'),
    ],
  },
  {
    lang: 'en',
    outcome: 'bot',
    turns: () => [
      C('Do you ship to the US? And do I have to pay customs?'),
      B(dropdown('We ship worldwide. Where should your order go?', 'United Kingdom', 'Ireland', 'United States', 'Canada', 'Australia')),
      C('United States'),
      B('Shipping to the US takes 5–8 business days and costs $14.90 (free over $150). Duties are included at checkout, so there is nothing to pay on delivery. Details: https://shop.example.com/help/shipping'),
      C('Nice, thanks'),
    ],
  },
  {
    lang: 'en',
    outcome: 'bot',
    channels: ['instagram', 'webchat', 'telegram'],
    turns: () => [
      C('Saw your new backpack on insta 😍 what other colours does it come in?'),
      B(
        carousel(
          { title: 'Kaskade 28 – Petrol', subtitle: '€79.95', image: 'backpack.svg', actions: [['url', 'View', 'https://shop.example.com/p/kaskade-28?colour=petrol']] },
          { title: 'Fjord rain jacket', subtitle: 'Pairs well · €129.00', image: 'rain-jacket.svg', actions: [['url', 'View', 'https://shop.example.com/p/fjord']] },
          { title: 'Sonar sport headphones', subtitle: '€59.99', image: 'headphones.svg', actions: [['say', 'Tell me more', 'Tell me more about Sonar']] },
        ),
      ),
      B('The Kaskade 28 comes in Petrol, Black and Sand. Petrol is the one from our post!'),
      C('Is there a shop in London where I can see it?'),
      B(location(51.5136, -0.1365, 'Nordlicht Outfitters pop-up', '12 Carnaby Street, London W1F 9PS')),
      B('Our pop-up in Carnaby Street has all three colours until the end of the month.'),
    ],
  },
];
