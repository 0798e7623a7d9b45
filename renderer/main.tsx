import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installDeskKeys } from './components/deskKeys';
import './styles.css';

dayjs.locale('zh-cn');
installDeskKeys();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        theme={{ token: { fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif', fontSize: 14 } }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
