// The gazetteer: kinds of place, the schematic map's attribution and error messages.
export const gazetteerEn = {
  places: {
    kinds: { road: 'Road', landmark: 'Landmark', community: 'Community', school: 'School', market: 'Market', bus_stop: 'Bus stop', district: 'City area' },
    schematic: 'Schematic map (drawn from the gazetteer; positions approximate)',
  },
  auth: { actions: { 'place.create': 'Added a place', 'place.update': 'Edited a place', 'place.delete': 'Deleted a place' } },
  errors: {
    place_ambiguous: 'More than one place has that name. Choose one below, or be more specific.',
    place_name_required: 'Enter the place’s name.',
    place_name_too_long: 'The name can be at most 50 characters.',
    place_kind_invalid: 'Choose the kind of place.',
    place_coordinate_invalid: 'Enter a valid latitude and longitude (decimal degrees).',
    place_line_invalid: 'The line is not right: one point a line, written “latitude,longitude”, at least two points.',
  },
};
