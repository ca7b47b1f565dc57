/**
 * Chinese names of the style fields kinds share, shown before each field's English description
 * (the registry describes fields in English only). A key not here shows its description alone.
 */
const STYLE_ZH: Readonly<Record<string, string>> = {
  opacity: '透明度',
  labels: '名称标注',
  label: '名称',
  labelHeightM: '名称高度',
  glow: '光晕',
  radius: '半径',
  size: '大小',
  smooth: '平滑移动',
  url: '文件地址',
  lon: '经度',
  lat: '纬度',
  heading: '朝向',
  scale: '缩放',
  clearRadius: '避让半径',
  clearing: '避让区域',
  closed: '已办结事件',
  pulse: '脉冲',
  dim: '压暗底图',
  color: '颜色',
  colour: '颜色',
  width: '宽度',
  height: '高度',
  elevation: '高度',
  intensity: '强度',
  threshold: '阈值',
  weighted: '按数值加权',
  colors: '配色',
  aggregate: '聚合方式',
  extruded: '立体',
  coverage: '覆盖率',
  cellSize: '格网大小',
  trail: '尾迹长度',
  vehicles: '车辆数',
  fade: '渐隐',
  icon: '图标',
  sizeByValue: '按数值定大小',
  widthByValue: '按数值定宽度',
  fromColor: '起点颜色',
  toColor: '终点颜色',
  rounded: '圆角',
  sides: '边数',
  avoidOverlap: '避免重叠',
  offset: '偏移',
};

export const styleFieldZh = (key: string): string | null => STYLE_ZH[key] ?? null;

/** Scene-level fields, as the problem list and the forms name them. */
export const SCENE_FIELD_WORDS: Readonly<Record<string, string>> = {
  schemaVersion: '格式版本 Format version',
  id: '场景标识 Scene id',
  title: '标题 Title',
  titleEn: '英文标题 English title',
  description: '说明 Description',
  modules: '模块 Modules',
  camera: '镜头 Camera',
  city: '三维城市 3D city',
  layers: '图层 Layers',
  panels: '面板 Panels',
};

export const CAMERA_FIELD_WORDS: Readonly<Record<string, string>> = {
  center: '中心 Centre',
  'center.0': '中心经度 Centre longitude',
  'center.1': '中心纬度 Centre latitude',
  zoom: '缩放级别 Zoom',
  pitch: '俯仰角 Pitch',
  bearing: '方位角 Bearing',
};

export const LAYER_FIELD_WORDS: Readonly<Record<string, string>> = {
  id: '标识 Id',
  kind: '类型 Kind',
  topic: '数据主题 Topic',
  visible: '显示 Visible',
  style: '样式 Style',
};
