// Before any module loads: the code under test is the H5 build's (request.ts reads TARO_ENV at load).
process.env.TARO_ENV = 'h5';
