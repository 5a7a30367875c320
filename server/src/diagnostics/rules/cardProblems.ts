/**
 * The problems the card parsers and the registry find in model cards, index
 * pages and catalogue pages. They are reported where the cards are (in the
 * editor, and by `model-lens cards`); each problem carries the severity its
 * parser gives it unless a setting overrides it.
 */
import type { CardCode } from '../../registry';
import type { RuleMeta } from '../types';

type CardProblemCode = Exclude<CardCode, 'name-format'>;

export const CARD_PROBLEMS: { readonly [C in CardProblemCode]: RuleMeta<C> } = {
  'card-missing-field': {
    code: 'card-missing-field',
    severity: 'as-found',
    summary: 'A model card lacks a row.',
    description:
      'A model card has no row for a fact every card should state (the API name, provider, dates, context window, maximum output). A card without its API name or model id is an error, since it names no model; any other missing row is information.',
  },
  'card-bad-value': {
    code: 'card-bad-value',
    severity: 'as-found',
    summary: 'A model card value that is not what its row needs.',
    description:
      'A cell that cannot be read as what its row holds (a date, a token count, Yes or No, a category), a front-matter key with a wrong value, or front matter that is not valid YAML. The card is still read; the fact is left out.',
  },
  'card-duplicate-field': {
    code: 'card-duplicate-field',
    severity: 'as-found',
    summary: 'A model card states the same row twice.',
    description: 'The same row appears twice in one card. The first value is kept; the second is reported so the card can be corrected.',
  },
  'card-conflict': {
    code: 'card-conflict',
    severity: 'as-found',
    summary: 'Two cards, or two facts of one card, disagree.',
    description:
      'Two cards of the same model state different values, or one card contradicts itself (a knowledge cut-off after the release date, a provider that is not the company behind the model, versions dated out of order). Both values are kept and shown on hover.',
  },
  'card-tile-mismatch': {
    code: 'card-tile-mismatch',
    severity: 'as-found',
    summary: 'An index tile disagrees with the card it links to.',
    description:
      "A tile of the docs' index page spells the API name differently from its card, links to another model's card, links to no card, or gives another category. The tile's spelling is the one the API accepts.",
  },
  'card-unsafe-front-matter': {
    code: 'card-unsafe-front-matter',
    severity: 'as-found',
    summary: 'A model card whose front matter is in a language that could run code.',
    description:
      'Front matter marked as JavaScript, CoffeeScript or any language other than YAML. Model Lens never runs it: the front matter is refused and the rest of the card is read as usual.',
  },
};
