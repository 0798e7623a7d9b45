import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FormOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  ShoppingCartOutlined,
  FileExcelOutlined,
  HomeOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  ProfileOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  FileSearchOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { roleMay, type Access } from '../shared/access';
import type { AppInfo } from '../shared/schemas/app';
import { UserProvider } from './access';
import { call, errorMessage } from './api';
import { ChangePasswordPage } from './pages/account/ChangePassword';
import { LockOverlay } from './pages/account/LockOverlay';
import { SetupAdminPage } from './pages/account/SetupAdminPage';
import { SignInPage } from './pages/account/SignInPage';
import { UserMenu } from './pages/account/UserMenu';
import { UsersPage } from './pages/account/UsersPage';
import { AlertsPage } from './pages/alerts/AlertsPage';
import { AssetsPage, type AssetTab } from './pages/assets/AssetsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { menuItems } from './components/menuItems';
import { DrugsPage, type DrugTab } from './pages/drugs/DrugsPage';
import { StockPage, type StockTab } from './pages/stock/StockPage';
import { ReceiptsPage } from './pages/receipts/ReceiptsPage';
import { RequisitionsPage } from './pages/requisitions/RequisitionsPage';
import { PurchasePage } from './pages/purchase/PurchasePage';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage';
import { ImportPage } from './pages/import/ImportPage';
import { PeoplePage } from './pages/people/PeoplePage';
import { ClinicsPage } from './pages/clinics/ClinicsPage';
import { ClinicFilePage } from './pages/clinicFile/ClinicFilePage';
import { HomePage } from './pages/home/HomePage';
import { LabelsPage } from './pages/labels/LabelsPage';
import { ReturnsPage } from './pages/returns/ReturnsPage';
import { FirstRunPage } from './pages/setup/FirstRunPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { StocktakesPage } from './pages/stocktakes/StocktakesPage';
import { VillagesPage } from './pages/villages/VillagesPage';
import { LettersPage } from './pages/letters/LettersPage';
import { TemplatesPage } from './pages/templates/TemplatesPage';
import { VbpPage, type VbpTab } from './pages/vbp/VbpPage';
import { VisitsPage } from './pages/visits/VisitsPage';
import { QuartersPage } from './pages/quarters/QuartersPage';
import { RecheckPage } from './pages/recheck/RecheckPage';
import { useRoute, type PageName } from './router';

const menu: { key: PageName; label: string; icon: React.ReactNode; needs?: Access; group?: string }[] = [
  { key: 'home', label: '首页', icon: <HomeOutlined /> },
  { key: 'alerts', label: '预警提醒', icon: <AlertOutlined /> },
  { key: 'villages', label: '行政村', icon: <BankOutlined /> },
  { key: 'clinics', label: '村卫生室', icon: <MedicineBoxOutlined /> },
  { key: 'people', label: '人员档案', icon: <TeamOutlined /> },
  { key: 'assets', label: '固定资产', icon: <ContainerOutlined /> },
  { key: 'stocktakes', label: '资产盘点', icon: <ScanOutlined /> },
  // 药品 in the order the goods move (D9), then 督导考核 in the order of the year.
  { key: 'drugs', label: '药品目录', icon: <ExperimentOutlined />, group: '药品' },
  { key: 'requisitions', label: '药品请领', icon: <FormOutlined />, group: '药品' },
  { key: 'purchase', label: '采购计划', icon: <ShoppingCartOutlined />, group: '药品' },
  { key: 'receipts', label: '采购入库', icon: <InboxOutlined />, group: '药品' },
  { key: 'deliveries', label: '配送', icon: <CarOutlined />, group: '药品' },
  { key: 'stock', label: '药品库存', icon: <DatabaseOutlined />, group: '药品' },
  { key: 'vbp', label: '集采药品', icon: <SafetyCertificateOutlined />, group: '药品' },
  { key: 'templates', label: '考核细则', icon: <ProfileOutlined />, group: '督导考核' },
  { key: 'letters', label: '目标责任书', icon: <FileProtectOutlined />, group: '督导考核' },
  { key: 'visits', label: '月度督导', icon: <CarryOutOutlined />, group: '督导考核' },
  { key: 'quarters', label: '季度考核', icon: <TrophyOutlined />, group: '督导考核' },
  { key: 'recheck', label: '县级复核', icon: <FileSearchOutlined />, group: '督导考核' },
  { key: 'import', label: '导入 Excel', icon: <ImportOutlined />, needs: 'write' },
  { key: 'returns', label: '上报报表', icon: <FileExcelOutlined /> },
  { key: 'audit', label: '操作记录', icon: <AuditOutlined /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
  { key: 'users', label: '账号管理', icon: <UserSwitchOutlined />, needs: 'admin' },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState('');
  const [route, go] = useRoute();
  const [changes, setChanges] = useState(0);
  // Another user signing in over the pages (LockOverlay) starts them afresh: nothing typed is saved under their name.
  const [generation, setGeneration] = useState(0);
  const refreshInfo = () => call('app.info', {}).then(setInfo, (e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    void refreshInfo();
  }, []);
  const signedInAgain = (next: AppInfo, same: boolean) => {
    if (!same) setGeneration((g) => g + 1);
    setInfo(next);
  };
  const signOut = () => void call('accounts.signOut', {}).then(setInfo, () => refreshInfo());

  if (error) return <Result status="error" title="无法连接到程序后台" subTitle={error} />;
  if (!info) return <Spin fullscreen tip="正在打开…" />;
  if (info.firstRun) return <FirstRunPage onDone={setInfo} />;
  if (!info.user && info.needsAdmin) return <SetupAdminPage info={info} onDone={setInfo} />;
  if (!info.user) return <SignInPage info={info} onDone={setInfo} onError={setError} />;
  if (info.user.mustChangePassword) return <ChangePasswordPage info={info} onDone={setInfo} onSignOut={signOut} />;
  const user = info.user;
  const may = (needs?: Access) => !needs || roleMay(user.role, needs);

  const onChanged = () => setChanges((n) => n + 1);
  const initialFilters = route.filter ? [{ id: route.filter.id, value: route.filter.value }] : undefined;
  const filterKey = route.filter ? `${route.filter.id}=${route.filter.value}` : '';
  const title = menu.find((m) => m.key === route.page)?.label ?? (route.page === 'clinic' ? '村卫生室档案' : '');
  // The label sheet is the whole window: nothing else on screen or on paper.
  if (route.page === 'labels') return <LabelsPage query={route.filter?.value} centerName={info.centerName} go={go} />;
  const page = menu.some((m) => m.key === route.page && !may(m.needs)) ? 'home' : route.page;

  return (
    <UserProvider value={user}>
      <Layout style={{ height: '100vh' }} key={generation}>
        <Layout.Sider width={180} theme="light" className="app-sider">
          <div className="app-brand">
            乡村卫生
            <br />
            一体化管理
          </div>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            defaultOpenKeys={['group:药品']}
            items={menuItems(menu.filter((m) => may(m.needs)))}
            onClick={({ key }) => go({ page: key as PageName })}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="app-header">
            <span className="app-center">{info.centerName || '（未填写单位名称）'}</span>
            <span className="app-page-title">{title}</span>
            {info.shell === 'browser' && <span className="app-shell-note">浏览器模式</span>}
            <span className={info.shell === 'browser' ? undefined : 'app-shell-note'}>
              <UserMenu info={info} onInfo={setInfo} onSignOut={signOut} />
            </span>
          </Layout.Header>
          {info.integrityError && <Alert type="error" banner title={info.integrityError} data-testid="integrity-error" />}
          {info.isDemo && (
            <Alert
              type="warning"
              banner
              title="当前是演示乡镇，数据与正式数据分开保存，可以随意修改。"
              action={
                <Button
                  size="small"
                  onClick={() => void call('app.leaveDemo', {}).then(setInfo, (e: unknown) => setError(errorMessage(e)))}
                >
                  返回正式数据
                </Button>
              }
            />
          )}
          <Layout.Content className="app-content">
            {page === 'home' && <HomePage go={go} reloadKey={changes} />}
            {page === 'villages' && <VillagesPage key={filterKey} initialFilters={initialFilters} onChanged={onChanged} />}
            {page === 'templates' && <TemplatesPage />}
            {page === 'letters' && <LettersPage />}
            {page === 'clinics' && <ClinicsPage key={filterKey} initialFilters={initialFilters} onChanged={onChanged} />}
            {page === 'clinic' && <ClinicFilePage key={filterKey} id={Number(route.filter?.value)} go={go} />}
            {page === 'alerts' && <AlertsPage key={filterKey} initialFilters={initialFilters} go={go} />}
            {page === 'people' && (
              <PeoplePage
                key={filterKey}
                openId={route.filter?.id === 'open' ? Number(route.filter.value) : undefined}
                initialFilters={route.filter && route.filter.id !== 'open' ? initialFilters : undefined}
                onChanged={onChanged}
              />
            )}
            {page === 'assets' && (
              <AssetsPage
                key={filterKey}
                tab={route.filter?.id === 'tab' ? (route.filter.value as AssetTab) : undefined}
                initialFilters={route.filter && route.filter.id !== 'tab' ? initialFilters : undefined}
                go={go}
                onChanged={onChanged}
              />
            )}
            {page === 'stocktakes' && (
              <StocktakesPage
                key={filterKey}
                openId={route.filter?.id === 'open' ? Number(route.filter.value) : undefined}
                go={go}
                onChanged={onChanged}
              />
            )}
            {page === 'drugs' && (
              <DrugsPage
                key={filterKey}
                tab={route.filter?.id === 'tab' ? (route.filter.value as DrugTab) : undefined}
                initialFilters={route.filter && route.filter.id !== 'tab' ? initialFilters : undefined}
                onChanged={onChanged}
              />
            )}
            {page === 'requisitions' && <RequisitionsPage onChanged={onChanged} />}
            {page === 'purchase' && <PurchasePage onChanged={onChanged} />}
            {page === 'receipts' && <ReceiptsPage onChanged={onChanged} />}
            {page === 'deliveries' && <DeliveriesPage onChanged={onChanged} />}
            {page === 'vbp' && (
              <VbpPage
                key={filterKey}
                tab={route.filter?.id === 'tab' ? (route.filter.value as VbpTab) : undefined}
                initialFilters={route.filter && route.filter.id !== 'tab' ? initialFilters : undefined}
                onChanged={onChanged}
              />
            )}
            {page === 'visits' && <VisitsPage onChanged={onChanged} />}
            {page === 'quarters' && <QuartersPage go={go} />}
            {page === 'recheck' && <RecheckPage key={filterKey} route={route} go={go} />}
            {page === 'stock' && (
              <StockPage
                key={filterKey}
                tab={route.filter?.id === 'tab' ? (route.filter.value as StockTab) : undefined}
                initialFilters={route.filter && route.filter.id !== 'tab' ? initialFilters : undefined}
                onChanged={onChanged}
              />
            )}
            {page === 'import' && <ImportPage />}
            {page === 'returns' && <ReturnsPage />}
            {page === 'audit' && <AuditPage />}
            {page === 'settings' && <SettingsPage onSaved={() => void refreshInfo()} />}
            {page === 'users' && <UsersPage />}
          </Layout.Content>
        </Layout>
        <LockOverlay userId={user.id} login={user.login} onSignedIn={signedInAgain} />
      </Layout>
    </UserProvider>
  );
}
