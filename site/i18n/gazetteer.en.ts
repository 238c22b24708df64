import type { gazetteerPagesZh } from './gazetteer.zh.ts';

// The gazetteer's admin page.
export const gazetteerPagesEn: typeof gazetteerPagesZh = {
  admin: { sections: { places: ['Gazetteer', 'Roads, landmarks, communities, schools, markets and bus stops that typed places match, and the schematic map drawn without map tiles.'] } },
  placesAdmin: {
    title: 'Gazetteer',
    lead: 'Places residents type are matched against this list to set the pin; without map tiles the map is drawn from it. Coordinates are WGS84 decimal degrees; approximate is fine.',
    count: '{n|place|places}',
    filter: 'Find by name',
    filterSubmit: 'Find',
    name: 'Name',
    aliases: 'Other names',
    aliasesHint: 'Short or old names residents use, separated by commas or 、, e.g. 十三小, 第十三小学',
    kind: 'Kind',
    lat: 'Latitude',
    lng: 'Longitude',
    latHint: 'Where the pin goes; a road’s middle, e.g. 21.8600',
    lngHint: 'e.g. 111.9790',
    line: 'Road line',
    lineHint: 'Roads and the city area only: one point a line, “latitude,longitude”, at least two points in order',
    points: '{n|point|points}',
    add: 'Add a place',
    editTitle: 'Edit place: {name}',
    remove: 'Delete',
    removeConfirm: 'Delete “{name}”',
    removed: 'Deleted.',
  },
};
