// ECharts ships its locale files as plain ES modules without types (echarts/lib/i18n/*.js): each default-exports
// the object registerLocale takes.
declare module 'echarts/lib/i18n/langSV.js' {
  const locale: Parameters<typeof import('echarts/core').registerLocale>[1];
  export default locale;
}
declare module 'echarts/lib/i18n/langEN.js' {
  const locale: Parameters<typeof import('echarts/core').registerLocale>[1];
  export default locale;
}
