/**
 * What simulated grid workers and 12345 callers report, per category: short titles with a few
 * details each, and the feedback departments give when they have handled it. Plain text (the wall
 * shows it as text); every description ends with a mark that it is simulated.
 */

export interface ReportTemplate {
  title: string;
  details: readonly string[];
  /** Reported mostly when it rains (flooding, fallen trees, rockfall). */
  rainy?: boolean;
}

export const SIMULATED_MARK = '（模拟数据）';

export const TEMPLATES: Readonly<Record<string, readonly ReportTemplate[]>> = {
  'city-management': [
    { title: '占道经营', details: ['流动摊贩占用人行道经营', '商户出店经营，堵塞盲道', '夜市摊点占道，影响通行'] },
    { title: '暴露垃圾', details: ['路边垃圾堆积未清运', '垃圾桶满溢，周边有异味', '绿化带内有建筑垃圾'] },
    { title: '井盖缺失', details: ['人行道井盖缺失，存在安全隐患', '井盖破损下沉，车辆经过有异响'] },
    { title: '违规张贴小广告', details: ['墙面、电杆张贴大量小广告', '公交站台被涂写广告'] },
    { title: '路灯不亮', details: ['一段路灯连续多晚不亮', '路灯杆倾斜，灯头脱落'] },
    { title: '违章搭建', details: ['楼顶疑似新增违章搭建', '小区绿地内搭建棚屋'] },
    { title: '渣土车抛洒', details: ['渣土车沿路抛洒，路面污染', '工地出口路面泥泞未冲洗'] },
    { title: '绿化带破损', details: ['行道树倒伏压坏护栏', '绿化带被踩踏损坏'] },
  ],
  traffic: [
    { title: '信号灯故障', details: ['路口信号灯不亮，交通秩序混乱', '信号灯配时异常，车辆排队较长'] },
    { title: '车辆违停占道', details: ['车辆长时间违停，占用车道', '机动车停放在公交站台'] },
    { title: '道路坑洼', details: ['路面出现坑洼，车辆通行颠簸', '路面破损，已有车辆爆胎'] },
    { title: '公交站牌损坏', details: ['站牌倾斜，存在倒塌风险', '候车亭玻璃破碎'] },
    { title: '交通事故占道', details: ['两车追尾，占用一条车道', '车辆故障停在隧道内'], rainy: true },
    { title: '隧道照明故障', details: ['隧道内部分照明灯不亮', '隧道出口灯光闪烁'] },
  ],
  environment: [
    { title: '餐饮油烟扰民', details: ['餐馆油烟直排，居民反映强烈', '烧烤摊油烟影响住户'] },
    { title: '夜间施工噪声', details: ['工地夜间施工，噪声扰民', '深夜机械作业声音较大'] },
    { title: '河道漂浮物', details: ['河道内有大量漂浮垃圾', '溪沟水面发黑，有异味'] },
    { title: '工地扬尘', details: ['工地未覆盖裸土，扬尘明显', '道路施工未洒水降尘'] },
    { title: '露天焚烧', details: ['有人露天焚烧垃圾', '田间焚烧秸秆，烟雾较大'] },
    { title: '异味扰民', details: ['附近厂区散发刺鼻气味', '下水道返臭'] },
  ],
  'public-safety': [
    { title: '消防通道堵塞', details: ['小区消防通道被车辆占用', '楼道堆放杂物堵塞通道'] },
    { title: '电动车楼道充电', details: ['居民在楼道内给电动车充电', '飞线充电存在火灾隐患'] },
    { title: '燃气异味', details: ['楼道内有燃气味，疑似泄漏', '餐馆后厨燃气管道老化'] },
    { title: '高空抛物', details: ['楼上有人抛物，险些砸中行人', '阳台花盆摆放不稳'] },
    { title: '人员聚集', details: ['商圈人员聚集较多，需疏导', '景区入口排队人员拥挤'] },
  ],
  'geological-hazard': [
    { title: '边坡落石', details: ['道路边坡有落石，影响通行', '山体滑落碎石堆积路边'], rainy: true },
    { title: '挡土墙开裂', details: ['挡土墙出现裂缝并外鼓', '护坡局部垮塌'], rainy: true },
    { title: '路面塌陷', details: ['路面出现塌陷坑', '人行道下沉开裂'], rainy: true },
    { title: '山体滑坡迹象', details: ['房屋后方山体出现裂缝', '坡脚渗水，土体松动'], rainy: true },
  ],
  'meteorological-hazard': [
    { title: '树木倒伏', details: ['大风吹倒行道树，阻断车道', '树枝折断挂在电线上'], rainy: true },
    { title: '广告牌松动', details: ['大风中广告牌摇晃，有坠落风险', '楼顶招牌被风吹歪'], rainy: true },
    { title: '雷击受损', details: ['雷击致配电箱受损', '雷雨后小区停电'], rainy: true },
  ],
  flooding: [
    { title: '道路积水', details: ['强降雨后路面积水较深', '低洼路段积水，车辆涉水通行'], rainy: true },
    { title: '下穿道积水', details: ['下穿道积水，车辆无法通行', '隧道口积水漫过路沿'], rainy: true },
    { title: '雨水井堵塞冒水', details: ['雨水篦子堵塞，雨水外溢', '检查井冒水'], rainy: true },
    { title: '地下车库进水', details: ['小区地下车库进水', '商场负一楼进水'], rainy: true },
  ],
  'citizen-request': [
    { title: '小区停水', details: ['小区突然停水，未提前通知', '水压不足，高层无水'] },
    { title: '物业服务投诉', details: ['物业不作为，公共区域无人清扫', '物业费收取不合理'] },
    { title: '噪声扰民', details: ['楼下商铺音响声音过大', '广场舞音乐声音过大'] },
    { title: '公交线路建议', details: ['建议增开早高峰公交班次', '建议调整公交站点位置'] },
    { title: '房屋漏水', details: ['楼上漏水影响住户', '外墙渗水，多次报修未果'], rainy: true },
    { title: '停电报修', details: ['片区停电，尚未恢复', '电压不稳，电器损坏'] },
    { title: '社保业务咨询', details: ['咨询社保转移办理流程', '咨询医保异地备案'] },
    { title: '拖欠工资', details: ['反映工地拖欠农民工工资', '公司拖欠工资未发放'] },
  ],
};

/** A department's feedback on handling, per category (反馈). */
export const FEEDBACK: Readonly<Record<string, readonly string[]>> = {
  'city-management': ['已现场清理，恢复正常', '已责令整改，现场已规范', '已安排维修，设施恢复使用'],
  traffic: ['已现场处置，道路恢复通行', '已维修完毕，恢复正常', '已拖移车辆，通行恢复'],
  environment: ['已现场检查，责令整改', '已清理完毕，水面恢复', '已督促落实降尘措施'],
  'public-safety': ['已现场排除隐患', '已疏导完毕，秩序正常', '已联系燃气公司处置完毕'],
  'geological-hazard': ['已清理落石并设置警示', '已设置监测点并撤离人员', '已完成应急排危'],
  'meteorological-hazard': ['已清除倒伏树木，道路畅通', '已加固广告牌', '已抢修恢复供电'],
  flooding: ['已疏通管网，积水退去', '已抽排积水，恢复通行', '已设置警示并疏导交通'],
  'citizen-request': ['已联系诉求人并办结', '已协调相关单位解决', '已答复诉求人，诉求人表示满意'],
};

/** Grid-worker (网格员) phrasing and 12345 phrasing of one detail. */
export function describe(source: 'grid' | 'hotline', place: string, detail: string): string {
  return source === 'grid'
    ? `网格员巡查发现：${place}${detail}，已拍照上报，请尽快处置。${SIMULATED_MARK}`
    : `市民来电反映：${place}${detail}，希望相关部门尽快处理。${SIMULATED_MARK}`;
}

/** Community names for hotline addresses (common ones, not a list of real communities of any district). */
export const COMMUNITIES = ['和平', '新华', '光明', '长江', '滨江', '桂花', '民主', '解放', '朝阳', '幸福', '龙湖', '东风', '建设', '团结', '花园', '学府'] as const;

export const REFUSALS = ['重复上报，已合并至同一事件', '不属于受理范围，已告知反映人', '经核实情况不属实'] as const;
export const REOPEN_REASONS = ['现场核查仍未处置到位', '诉求人反映问题仍存在'] as const;
