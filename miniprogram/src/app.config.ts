export default defineAppConfig({
  pages: [
    'pages/today/index',
    'pages/find/index',
    'pages/me/index',
    'pages/official/index',
    'pages/matter/index',
    'pages/unit/index',
  ],
  // Staff pages (officials, clerks, supervisors) load only when opened: residents never download them.
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'plan-edit/index',
        'entry-updates/index',
        'leave/index',
        'leave-review/index',
        'weekly/index',
        'batch/index',
        'inbox/index',
      ],
    },
    // 留言 (tickets): compose, 我的留言, one ticket, 查询码 lookup, 消息 (the in-app message centre).
    // Residents download it only when they first comment, check a ticket or open 消息, which keeps
    // the main package small.
    {
      root: 'packages/tickets',
      pages: ['compose/index', 'mine/index', 'detail/index', 'lookup/index', 'messages/index'],
    },
    // 督查 (supervision): the supervisor's morning (workbench, findings, spot checks, notices) and an
    // official's own findings and self-examinations (mine). Staff only: residents never download it.
    {
      root: 'packages/supervision',
      pages: [
        'workbench/index',
        'findings/index',
        'finding/index',
        'spot-check/index',
        'notices/index',
        'notice/index',
        'mine/index',
        // 排名与红黄旗 (issue #14): the ranking table, awarding flags, one unit's trend.
        'rankings/index',
        'flags/index',
        'ranking-trend/index',
        // 立体像 (issue #14): one official's whole record; the official's list of who looked.
        'record/index',
        'record-views/index',
      ],
    },
    // 抽签晒 (public, issue #14): the weekly lotteries and one lottery. Residents download it only
    // when they open 抽签晒 from the today page. 实绩公示栏 (board): a unit's printable weekly board,
    // opened from the unit page.
    {
      root: 'packages/public',
      pages: ['lotteries/index', 'lottery/index', 'board/index'],
    },
    // Admin pages (a jurisdiction's administrator): invites and grants, matters, post handovers.
    {
      root: 'packages/admin',
      pages: [
        'invites/index',
        'matters/index',
        'matter-edit/index',
        'posts/index',
        'directory/index',
        'words/index',
        'calendar/index',
        // 排名设置 (issue #14): a county's ranking weights, minimum sample and flags per period.
        'ranking-settings/index',
        // Open311 接口密钥 (issue #17): integrators' API keys, shown once, revoked after a confirmation.
        'open311-keys/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '今日工作',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    // Keep in sync with COLORS in scripts/make-tab-icons.mjs. Both ≥ 4.5:1 on white.
    color: '#4b5563',
    selectedColor: '#1d4ed8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/today/index',
        text: '今日',
        iconPath: 'assets/tabbar/today.png',
        selectedIconPath: 'assets/tabbar/today-active.png',
      },
      {
        pagePath: 'pages/find/index',
        text: '找人办事',
        iconPath: 'assets/tabbar/find.png',
        selectedIconPath: 'assets/tabbar/find-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  // weapp: inject only the code of the page being opened and the components it declares (WeChat's
  // code-quality check asks for it; scripts/wechat-check.mjs checks it). Not in the H5 bundle.
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
  // WeChat privacy rules (2023-09): private APIs wait for consent, asked by components/PrivacyGuide.
  // The only private API used is the getPhoneNumber button; see PRIVACY.md for the console side.
  __usePrivacyCheck__: true,
  // 今日晒 may attach the official's location (shown to supervisors only); see PRIVACY.md.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '晒工作进展时附上您的位置（仅督查可见）' },
  },
});
