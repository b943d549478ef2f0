// The pages the user moves between. Paths are Swedish: they show in the address bar and in shared links.
export interface Route {
  path: string;
  titleKey: string;
  /** Pages that need the database wait for it; help does not. */
  needsData: boolean;
}

export const ROUTES: Route[] = [
  { path: '/', titleKey: 'pages.overview', needsData: true },
  { path: '/lagesbild', titleKey: 'pages.lagesbild', needsData: true },
  { path: '/karta', titleKey: 'pages.map', needsData: true },
  { path: '/trender', titleKey: 'pages.trends', needsData: true },
  { path: '/mal', titleKey: 'pages.goals', needsData: true },
  { path: '/importera', titleKey: 'pages.import', needsData: true },
  { path: '/presentation', titleKey: 'pages.presentation', needsData: true },
  { path: '/installningar', titleKey: 'pages.settings', needsData: true },
  { path: '/hjalp', titleKey: 'pages.help', needsData: false },
  { path: '/tillganglighet', titleKey: 'pages.accessibility', needsData: false },
];
