/** The home page's "today at the store" tiles (`storeToday`), kept apart from en.ts so areas do not collide. */
export const homeEn = {
  storeToday: {
    heading: 'Today at {store}',
    paused: 'Click & collect paused',
    pickupOff: 'No click & collect',
    allClear: 'Nothing needs you right now.',
    chooser: {
      none: 'Choose a store',
      label: 'Store',
      show: 'Show',
      hint: 'Choose a store to see its day: what to pick, what is late, what expires, what arrives.',
    },
    tiles: {
      toPick: {
        label: 'To pick',
        detail:
          '{count, plural, =0 {Nothing waiting to be picked} one {# order waiting to be picked} other {# orders waiting to be picked}}',
      },
      late: {
        label: 'Late',
        detail:
          '{count, plural, =0 {Every order within its promised time} one {# order past its promised time} other {# orders past their promised time}}',
      },
      dueSoon: {
        label: 'Due soon',
        detail:
          '{count, plural, =0 {No hold ends within 24 hours} one {# hold ends within 24 hours} other {# holds end within 24 hours}}',
      },
      expiredToday: {
        label: 'Expired today',
        detail:
          '{count, plural, =0 {No parcel expired today} one {# parcel not collected in time} other {# parcels not collected in time}}',
      },
      transfersIn: {
        label: 'Transfers to receive',
        detail:
          '{count, plural, =0 {Nothing on its way} one {# transfer on its way to the store} other {# transfers on their way to the store}}',
      },
      lowStock: {
        label: 'Low stock',
        detail:
          '{count, plural, =0 {No SKU at or below its reorder point} one {# SKU at or below its reorder point} other {# SKUs at or below their reorder point}}',
      },
    },
  },
} as const;
