// The service desk's English conversations (Stadtnetz Service's international customers).
import { A, B, C, card, carousel, choice, dropdown, file, image, location, type Script } from './content';

export const serviceScriptsEn: Script[] = [
  {
    lang: 'en',
    outcome: 'bot',
    turns: (v) => [
      C('I forgot my password for the customer portal'),
      B(choice('No problem! How would you like to receive the reset link?', 'Email', 'Text message')),
      C('Text message'),
      B(`Done – I've sent a link to the mobile number ending in ${v.ticket.slice(-2)}. It is valid for 30 minutes.`),
      C('Got it, all sorted. Cheers!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'bot',
    turns: (v) => [
      C('Can I book an installation appointment for my new fibre line?'),
      B(dropdown('Of course! These slots are free next week:', 'Mon, 8am–12pm', 'Tue, 12pm–4pm', 'Wed, 8am–12pm', 'Thu, 4pm–8pm', 'Fri, 8am–12pm')),
      C('Thu, 4pm–8pm'),
      B(`You're booked for Thursday between 4 and 8pm (job T-${v.ticket}). Here is your confirmation:`),
      B(file('appointment-confirmation.pdf', `Appointment confirmation T-${v.ticket}`)),
      C('Thanks!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    turns: (v) => [
      C("My internet has been dropping every 10 minutes since yesterday. I've already restarted the router."),
      C(image('router.svg')),
      B('Thanks for the photo. The red DSL light means the line has no signal. I will pass this to our technical team.'),
      A(`Hi ${v.first}, I'm ${v.agent} from tech support. I can see your line resyncing constantly – that points to a faulty port at the street cabinet.`),
      A(`I've opened fault ticket F-${v.ticket}. An engineer will fix it today, no visit to your home needed.`),
      C('Great, thank you. Will I get a message when it is fixed?'),
      A("Yes, you'll get a text as soon as the ticket is closed."),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['email', 'webchat'],
    turns: (v) => [
      C(`Hello, could you explain the "technician call-out" on my latest bill? Contract ${v.contract}. Thanks, ${v.first} ${v.last}`),
      B(file('service-invoice-2291.pdf', 'Your latest bill')),
      B('The call-out charge of €69.00 is for the engineer visit on the 14th. I will ask a colleague to look into it.'),
      A(`Hi ${v.first}, ${v.agent} here from billing. The visit was to repair a fault on our side, so you should never have been charged.`),
      A("I've removed the charge – you'll see a credit of €69.00 on your next bill."),
      C('Appreciate it, thank you!'),
    ],
  },
  {
    lang: 'en',
    outcome: 'handoff',
    turns: () => [
      C('agent'),
      B(choice('I can help with most things right here! What is it about?', 'Password', 'Appointment', 'Bill', 'Outage')),
      C("None of those. I want to speak to a human, please."),
      B("No problem – I've added you to the queue. A member of our team will reply here shortly."),
    ],
  },
  {
    lang: 'en',
    outcome: 'bot',
    channels: ['webchat', 'whatsapp', 'telegram'],
    turns: () => [
      C('Is there anything faster than my current 100 Mbit plan?'),
      B(
        carousel(
          { title: 'Fibre 250', subtitle: '€39.99/month · 250 Mbit/s', image: 'router.svg', actions: [['postback', 'Upgrade', 'plan_250']] },
          { title: 'Fibre 500', subtitle: '€44.99/month · 500 Mbit/s', image: 'router.svg', actions: [['postback', 'Upgrade', 'plan_500']] },
          { title: 'Fibre 1000', subtitle: '€59.99/month · 1 Gbit/s', image: 'router.svg', actions: [['postback', 'Upgrade', 'plan_1000']] },
        ),
      ),
      C('Fibre 500 sounds good. Does my contract start again?'),
      B(
        card({
          title: 'Upgrade to Fibre 500',
          subtitle: 'No new minimum term · active within 24 hours',
          actions: [['postback', 'Confirm upgrade', 'confirm_500'], ['url', 'Compare plans', 'https://www.example.com/plans']],
        }),
      ),
      C('Confirm upgrade'),
      B("Done! You'll be on Fibre 500 from tomorrow morning. 🚀"),
    ],
  },
  {
    lang: 'en',
    outcome: 'handoff',
    channels: ['whatsapp', 'telegram', 'webchat'],
    turns: () => [
      C("I'm moving flat at the end of the month. Can I take my broadband with me?"),
      B('Usually yes! Please share your new address or location and I will check availability.'),
      C(location(48.7667, 9.1722, 'New flat', 'Marienplatz 5, 70178 Stuttgart')),
      B('Good news: Fibre 250 is available at your new address. Moving is free of charge.'),
      C('Brilliant. Could a person call me to arrange the switch-over date? My German is not great.'),
      B("Sure – I've asked an English-speaking colleague to get back to you here."),
    ],
  },
  {
    lang: 'en',
    outcome: 'agent',
    channels: ['email'],
    turns: (v) => [
      C(`Dear support, under GDPR I'd like a copy of all personal data you hold about me. Contract ${v.contract}. Kind regards, ${v.first} ${v.last}`),
      B('Thank you for your request. Data access requests are handled by our team personally.'),
      A(`Dear ${v.first} ${v.last}, I'm ${v.agent} from our data protection team. We've verified your identity and will send the export to your registered email address within 7 days.`),
      C('Thank you for confirming.'),
      A(`You're welcome. Your reference number is DP-${v.ticket}.`),
    ],
  },
];
