import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { firstRunInput, type AppInfo } from '../../../shared/schemas/app';
import { call } from '../../api';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';
import { AdminFields } from '../account/AdminFields';

type Values = z.input<typeof firstRunInput>;

/** Shown on a new database: name the center and create its administrator, or look around a demo township first. */
export function FirstRunPage(props: { onDone: (info: AppInfo) => void }) {
  const { control, handleSubmit, setError } = useForm<Values>({
    resolver: zodResolver(firstRunInput),
    defaultValues: { centerName: '', county: '', adminLogin: '', adminName: '', password: '', passwordAgain: '' },
  });
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  const save = handleSubmit(async (v) => {
    setBusy(true);
    try {
      props.onDone(await call('app.firstRun', v));
    } catch (e) {
      setBanner(applyServerError(e, setError, ['centerName', 'county', 'adminLogin', 'adminName', 'password', 'passwordAgain']));
    } finally {
      setBusy(false);
    }
  });
  async function demo() {
    setBusy(true);
    try {
      props.onDone(await call('app.openDemo', {}));
    } catch (e) {
      setBanner(String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="first-run">
      <Card style={{ width: 520 }}>
        <Typography.Title level={3}>欢迎使用乡村卫生一体化管理</Typography.Title>
        <p>第一次使用，请填写本单位的名称和所属县（区）。这些信息会出现在报表的填报单位栏，以后可以在“设置”中修改。</p>
        <p>同时创建管理员账号：以后每个人用自己的账号登录，管理员可以添加其他人员的账号。</p>
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" component="div">
          <FormField control={control} name="centerName" label="卫生院名称" required>
            {(f) => <Input id="f-centerName" {...f} placeholder="如：河阳镇中心卫生院" />}
          </FormField>
          <FormField control={control} name="county" label="所属县（区）" required>
            {(f) => <Input id="f-county" {...f} placeholder="如：河阳县" />}
          </FormField>
          <Divider plain>管理员账号</Divider>
          <AdminFields control={control} />
          <Button type="primary" block loading={busy} onClick={() => void save()}>
            开始使用
          </Button>
        </Form>
        <Divider>或者</Divider>
        <Button block onClick={() => void demo()} disabled={busy}>
          先看看演示乡镇（演示数据与正式数据分开保存）
        </Button>
      </Card>
    </div>
  );
}
