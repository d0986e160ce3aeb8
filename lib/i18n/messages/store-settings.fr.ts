import type { MessagesShape } from './shape';
import type { storeSettingsEn } from './store-settings.en';

/** Paramètres → Magasins, en français (forme de store-settings.en.ts). */
export const storeSettingsFr = {
  storeSettings: {
    title: 'Magasins',
    description:
      'Le click & collect de chaque magasin : horaires d’ouverture, temps de préparation, durée de garde des colis prêts, et si le magasin accepte les retraits.',
    tableLabel: 'Les magasins et leurs réglages de click & collect',
    empty: 'Aucun magasin pour l’instant.',
    columns: {
      store: 'Magasin',
      pickup: 'Click & collect',
      preparation: 'Préparation',
      hold: 'Garde',
      hours: 'Horaires',
    },
    status: { on: 'Actif', paused: 'En pause', off: 'Désactivé' },
    inactive: 'Fermé définitivement',
    minutes: '{count, plural, one {# minute} other {# minutes}}',
    days: '{count, plural, one {# jour} other {# jours}}',
    openDays:
      '{count, plural, =0 {Non renseignés : toujours ouvert} one {Ouvert # jour par semaine} other {Ouvert # jours par semaine}}',
    editTitle: '{store}',
    editDescription: 'Réglages du click & collect. Les heures sont celles du fuseau du magasin, {zone}.',
    back: 'Tous les magasins',
    weekdays: {
      mon: 'Lundi',
      tue: 'Mardi',
      wed: 'Mercredi',
      thu: 'Jeudi',
      fri: 'Vendredi',
      sat: 'Samedi',
      sun: 'Dimanche',
    },
    form: {
      hours: 'Horaires d’ouverture',
      hoursHint:
        'Une ou plusieurs plages par jour, au format HH:MM. Un jour sans plage est fermé ; une semaine sans aucune plage compte comme toujours ouverte.',
      closed: 'Fermé',
      opens: 'Ouverture',
      closes: 'Fermeture',
      opensLabel: '{day}, plage {n, number} : ouverture',
      closesLabel: '{day}, plage {n, number} : fermeture',
      add: 'Ajouter une plage',
      addLabel: 'Ajouter une plage : {day}',
      remove: 'Retirer',
      removeLabel: 'Retirer la plage {n, number} du {day}',
      preparation: 'Temps de préparation (minutes)',
      preparationHint: 'Temps d’ouverture nécessaire pour préparer une commande : ce qui est promis au client.',
      holdDays: 'Garde (jours)',
      holdDaysHint: 'Combien de temps un colis prêt attend avant d’expirer et de libérer son stock.',
      pickupEnabled: 'Propose le click & collect',
      pickupPaused: 'En pause',
      pickupPausedHint:
        'En pause, le magasin ne prend plus de nouvelles commandes à retirer et l’API de disponibilité ne le propose plus ; les commandes déjà passées suivent leur cours.',
      save: 'Enregistrer',
      saving: 'Enregistrement…',
      saved: 'Les réglages de {store} sont enregistrés.',
    },
    errors: {
      time_invalid: 'Écrivez l’heure au format HH:MM, par exemple 09:30.',
      close_before_open: 'L’heure de fermeture doit suivre l’heure d’ouverture.',
      overlap: 'Cette plage chevauche une autre plage du même jour.',
      too_many_intervals: 'Au plus 4 plages par jour.',
      preparation_range: 'Un nombre entier de minutes, de 0 à 10 080 (une semaine).',
      hold_days_range: 'Un nombre entier de jours, de 1 à 60.',
      invalid: 'Vérifiez cette valeur.',
    },
  },
} as const satisfies MessagesShape<typeof storeSettingsEn>;
