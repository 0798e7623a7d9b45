import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  ContainerOutlined,
  FileExcelOutlined,
  HomeOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../shared/schemas/app';
import { call, errorMessage } from './api';
import { AlertsPage } from './pages/alerts/AlertsPage';
import { AssetsPage, type AssetTab } from './pages/assets/AssetsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ImportPage } from './pages/import/ImportPage';
import { PeoplePage } from './pages/people/PeoplePage';
import { ClinicsPage } from './pages/clinics/ClinicsPage';
import { HomePage } from './pages/home/HomePage';
import { LabelsPage } from './pages/labels/LabelsPage';
import { ReturnsPage } from './pages/returns/ReturnsPage';
import { FirstRunPage } from './pages/setup/FirstRunPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { StocktakesPage } from './pages/stocktakes/StocktakesPage';
import { VillagesPage } from './pages/villages/VillagesPage';
import { useRoute, type PageName } from './router';

const menu: { key: PageName; label: string; icon: React.ReactNode }[] = [
  { key: 'home', label: '首页', icon: <HomeOutlined /> },
  { key: 'alerts', label: '预警提醒', icon: <AlertOutlined /> },
  { key: 'villages', label: '行政村', icon: <BankOutlined /> },
  { key: 'clinics', label: '村卫生室', icon: <MedicineBoxOutlined /> },
  { key: 'people', label: '人员档案', icon: <TeamOutlined /> },
  { key: 'assets', label: '固定资产', icon: <ContainerOutlined /> },
  { key: 'stocktakes', label: '资产盘点', icon: <ScanOutlined /> },
  { key: 'import', label: '导入 Excel', icon: <ImportOutlined /> },
  { key: 'returns', label: '上报报表', icon: <FileExcelOutlined /> },
  { key: 'audit', label: '操作记录', icon: <AuditOutlined /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState('');
  const [route, go] = useRoute();
  const [changes, setChanges] = useState(0);
  const refreshInfo = () => call('app.info', {}).then(setInfo, (e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    void refreshInfo();
  }, []);

  if (error) return <Result status="error" title="无法连接到程序后台" subTitle={error} />;
  if (!info) return <Spin fullscreen tip="正在打开…" />;
  if (info.firstRun) return <FirstRunPage onDone={setInfo} />;

  const onChanged = () => setChanges((n) => n + 1);
  const initialFilters = route.filter ? [{ id: route.filter.id, value: route.filter.value }] : undefined;
  const filterKey = route.filter ? `${route.filter.id}=${route.filter.value}` : '';
  const title = menu.find((m) => m.key === route.page)?.label ?? '';
  // The label sheet is the whole window: nothing else on screen or on paper.
  if (route.page === 'labels') return <LabelsPage query={route.filter?.value} centerName={info.centerName} go={go} />;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={180} theme="light" className="app-sider">
        <div className="app-brand">
          乡村卫生
          <br />
          一体化管理
        </div>
        <Menu mode="inline" selectedKeys={[route.page]} items={menu} onClick={({ key }) => go({ page: key as PageName })} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <span className="app-center">{info.centerName || '（未填写单位名称）'}</span>
          <span className="app-page-title">{title}</span>
          {info.shell === 'browser' && <span className="app-shell-note">浏览器模式</span>}
        </Layout.Header>
        {info.isDemo && (
          <Alert
            type="warning"
            banner
            title="当前是演示乡镇，数据与正式数据分开保存，可以随意修改。"
            action={
              <Button size="small" onClick={() => void call('app.leaveDemo', {}).then(setInfo, (e: unknown) => setError(errorMessage(e)))}>
                返回正式数据
              </Button>
            }
          />
        )}
        <Layout.Content className="app-content">
          {route.page === 'home' && <HomePage go={go} reloadKey={changes} />}
          {route.page === 'villages' && <VillagesPage key={filterKey} initialFilters={initialFilters} onChanged={onChanged} />}
          {route.page === 'clinics' && <ClinicsPage key={filterKey} initialFilters={initialFilters} onChanged={onChanged} />}
          {route.page === 'alerts' && <AlertsPage key={filterKey} initialFilters={initialFilters} go={go} />}
          {route.page === 'people' && (
            <PeoplePage
              key={filterKey}
              openId={route.filter?.id === 'open' ? Number(route.filter.value) : undefined}
              initialFilters={route.filter && route.filter.id !== 'open' ? initialFilters : undefined}
              onChanged={onChanged}
            />
          )}
          {route.page === 'assets' && (
            <AssetsPage
              key={filterKey}
              tab={route.filter?.id === 'tab' ? (route.filter.value as AssetTab) : undefined}
              initialFilters={route.filter && route.filter.id !== 'tab' ? initialFilters : undefined}
              go={go}
              onChanged={onChanged}
            />
          )}
          {route.page === 'stocktakes' && (
            <StocktakesPage
              key={filterKey}
              openId={route.filter?.id === 'open' ? Number(route.filter.value) : undefined}
              go={go}
              onChanged={onChanged}
            />
          )}
          {route.page === 'import' && <ImportPage />}
          {route.page === 'returns' && <ReturnsPage />}
          {route.page === 'audit' && <AuditPage />}
          {route.page === 'settings' && <SettingsPage onSaved={() => void refreshInfo()} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
